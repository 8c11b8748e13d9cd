package main

// An untyped constant that does not fit the declared type.

func main() {
	var x int8 = 300
	var y uint = -1
	var z byte = 'é'
	println(x, y, z)
}
