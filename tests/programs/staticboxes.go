// Package variables: interface boxes staticinit lays out as data get their
// itabs (and wrappers) before any function is walked, without inlining;
// boxes inside a map literal are walked with the init function; a blank
// variable without side effects is dropped.
package main

type I interface{ M() int }
type J interface {
	M() int
	N()
}

type T struct{ n int }

func (t T) M() int { return t.n }
func (t T) N()     {}

type U struct{ n int }

func (u U) M() int { return u.n }

type V struct{ n int }

func (v V) M() int { return v.n }

type W struct{ n int }

func (w W) M() int { return w.n }

type X struct{ n int }

func (x X) M() int { return x.n }

func f() int { return 3 }

var a, b I = U{1}, V{f()}
var c = map[string]I{"x": W{2}}
var _ I = X{4}
var d I = J(T{5})
var e = []I{T{6}}

func main() {
	println(a.M(), b.M(), c["x"].M(), d.M(), e[0].M())
}
