package main

// break and continue outside loops, and bad labels.

func main() {
	break
	if true {
		continue
	}
	switch {
	case true:
		continue
	}
L:
	if true {
		break L
	}
	for {
		break M
	}
}
