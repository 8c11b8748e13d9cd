// A directive's name ends at the first space: `//go:noinline` followed by
// an explanation still marks the function (Go's fixedbugs/issue24651a.go).
package main

var x = 5

//go:noinline Provide a clean, constant reason for not inlining
func twice(n int) int {
	return 2 * n
}

//go:noinline	a tab is part of the name: not a directive gc knows
func thrice(n int) int {
	return 3 * n
}

func main() {
	println(twice(x), thrice(x))
}
