package main

// A syntax error: gc does not type-check, so the unused variable is not reported.

func main() {
	x := 1
	y := 2)
	println(y)
}
