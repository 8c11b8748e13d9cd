// A variable that a closure captures only for a closure nested in it: gc's
// flow explanation names the variable at the nested literal (found by
// minigo-fuzz, seed 50001: minigo named another capture, at its use).
package main

var sink func() int

//go:noinline
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
