// A variadic call inlined: gc's inliner made the slice of extra arguments
// first (FixVariadicCall), and prints it as "... argument" wherever it
// appears, as in the parameter's assignment (found by minigo-fuzz, seed
// 300015).
package main

var sink []string

func f(xs ...string) int {
	sink = xs
	return len(xs)
}

func main() {
	println(f("a", "b"), f())
}
