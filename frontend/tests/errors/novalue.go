package main

// Using the result of a function that returns nothing.

func nothing() {}

func main() {
	var x int
	x = nothing()
	y := nothing()
	println(x, y, nothing())
}
