// gc calls a function variable's function directly (and inlines it) when
// nothing reassigns the variable: it asks after dead code removal, looking
// into closures too, and counts taking its address. minigo refused any
// variable a closure captured, even in dead code (found by minigo-fuzz,
// seed 201080).
package main

var cs int
var sinkp *func() int

func dead() int {
	f := func() int { return 1 }
	if false {
		g := func() { f = func() int { return 2 } }
		g()
	}
	return f()
}

func live() int {
	f := func() int { return 3 }
	g := func() { f = func() int { return 4 } }
	if cs > 100 {
		g()
	}
	return f()
}

func reads() int {
	f := func() int { return 5 }
	g := func() int { return f() + 1 }
	return f() + g()
}

func address() int {
	f := func() int { return 6 }
	sinkp = &f
	return f()
}

func main() {
	println(dead(), live(), reads(), address())
}
