package main

// A deferred call passing a slice with `...` keeps the `...` in the call gc
// prints for its wrapper: f(.autotmp_1, .autotmp_2...).

var sink []int
var sinks string

func f(a string, xs ...int) {
	sink = xs
	sinks = a
	println(a, len(xs))
}

func g(s string, n int) {
	defer f("x"+s, make([]int, n)...)
	for i := 0; i < n; i++ {
		defer f("y"+s, make([]int, i)...)
	}
}

func main() {
	g("z", 2)
}
