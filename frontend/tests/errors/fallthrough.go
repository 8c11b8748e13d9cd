package main

// Misplaced fallthrough statements.

func main() {
	x := 1
	switch x {
	case 1:
		fallthrough
	case 2:
		if true {
			fallthrough
		}
	case 3:
		fallthrough
		println()
	default:
		fallthrough
	}
	for {
		fallthrough
	}
}
