package main

// An undefined name makes its whole expression invalid: no follow-on errors.

func main() {
	x := 1
	y := 2 +
	println(y)
}
