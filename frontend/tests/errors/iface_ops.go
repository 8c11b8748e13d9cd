package main

// Operations on interface{} / any values that need a type assertion first.

func main() {
	var x any = 1
	y := x + 1
	var i interface{} = "s"
	println(len(i), y)
	var n int = x
	println(n)
}
