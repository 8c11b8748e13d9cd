// A closure captures the variables it names when it is built, dead code
// included: gc positions the capture's flow line at the first use, even in
// an `if false` body that dead code removal drops; a variable first used by
// a nested literal is captured at that literal (minigo fell back to the
// closure's first node; found by minigo-fuzz, seeds 120198 and 120283).
package main

type S struct{ a, b int }

var sink func(bool) bool

func mk(s S, p *int) func(bool) bool {
	c := 0
	return func(x bool) bool {
		if false {
			println(c, s.a, *p)
		}
		c++
		g := func() int { return *p + s.b }
		return x && c > s.a+g()
	}
}

func main() {
	n := 2
	sink = mk(S{1, 2}, &n)
	println(sink(true), sink(false))
}
