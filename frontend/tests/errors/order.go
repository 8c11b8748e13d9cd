package main

// Errors in function bodies are found after package-level ones, so with more
// than ten errors the ten that are printed are not the first ten in the file.

func f() {
	a := 1
	b := 2
	c := 3
	println(x1, x2, x3, x4)
}

var v1 int = "one"
var v2 int = "two"

type T [1.5]int

const c1 int8 = 1000
const c2 uint = -1

var v3 = undefinedGlobal
var v4 string = 4
var v5 bool = 5

func main() {
	f()
}
