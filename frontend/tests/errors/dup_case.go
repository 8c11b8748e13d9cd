package main

// Duplicate constant cases in expression switches.

func main() {
	x := 1
	switch x {
	case 1, 2:
	case 3, 1:
	case 2:
	}
	s := "a"
	switch s {
	case "a":
	case "b", "a":
	}
	switch {
	case true:
	case true:
	}
}
