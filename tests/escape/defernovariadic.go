package main

// A deferred call of a variadic function with no variadic arguments: gc
// passes them as nil... (FixVariadicCall), and the call it prints for the
// wrapper shows it: f(.autotmp_1, nil...).

var sink []int
var sinks string

func f(a string, xs ...int) {
	sink = xs
	sinks = a
	println(a, len(xs))
}

func g(s string) {
	defer f("x" + s)
}

func main() {
	g("z")
}
