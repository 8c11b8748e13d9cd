// Inlining a function whose closure holds a nested closure capturing the
// function's parameters: the nested literal is copied with its closure, as
// a closure of the copy (minigo's escape analysis failed with an internal
// compiler error, "a in mk has no location"; found while making
// tests/escape/nestedcapture).
package main

var sink func() int

func mk(a int, b *int) func() int {
	c := 0
	f := func() int {
		c++
		g := func() int { return a + *b }
		return g() + c
	}
	return f
}

func main() {
	x := 3
	sink = mk(1, &x)
	println(sink())
}
