package main

// The blank identifier used as a value, and untyped nil.

func main() {
	x := _
	y := nil
	var z = nil
	println(x, y, z)
}
