// gc's escape analysis of the wrapper (*S).M goes into the function
// literal inlining copied into it where it meets the literal, and makes
// the locations of the literal's variables there, after the literal's
// own: "func literal does not escape" comes before "moved to heap: x".
// minigo made them with the wrapper's, first.
package main

var keep *int
var n = 7

type S struct{ f int }

func (s S) M() int {
	v := func(a int) int {
		x := a + n
		keep = &x
		return x
	}
	if v != nil {
		n++
	}
	return s.f + v(2)
}

type Mer interface{ M() int }

func main() {
	var m Mer = &S{3}
	println(m.M())
	p := keep
	println(m.M(), *p, *keep)
}
