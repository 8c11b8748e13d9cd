package main

// Conditions that are not boolean.

func main() {
	x := 1
	if x {
		println(1)
	}
	for x {
	}
	s := "s"
	if s {
	}
	for i := 0; i; i++ {
	}
	if nil {
	}
}
