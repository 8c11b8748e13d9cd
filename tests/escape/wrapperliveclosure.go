// The wrapper (*S).M inlines S.M and, with it, a copy of the function
// literal S.M keeps in a variable. gc's escape analysis of a wrapper
// covers the wrapper alone: it says nothing of the copy's parameters.
// minigo analysed the copy with the wrapper and reported "x does not
// escape" (found by minigo-fuzz, seed 840332).
package main

var n = 7
var cs int

type S struct{ f int }

func (s S) M() int {
	v := func(x string, y string) int {
		cs += len(x) + len(y)
		return n / 7
	}
	cs += s.f
	if v != nil {
		cs++
	}
	return n / 5
}

type Mer interface{ M() int }

func main() {
	var m Mer = &S{3}
	println(m.M(), cs)
}
