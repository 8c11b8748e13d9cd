// gc's typecheck (RewriteNonNameCall) moves a callee expression that makes
// a call, or a method call's receiver that does, into a temporary in the
// call's init: `S{f: g()}.M()` is `.autotmp_N := S{f: g()}; S.M(.autotmp_N)`,
// which inline bodies print and inline costs count (found by minigo-fuzz,
// seed 91132).
package main

var g0 = 7
var cs int

type S struct{ f uint8 }

func (s S) M() int8     { return int8(s.f) * 3 }
func (s *S) P() int     { cs += int(s.f); return cs }
func fi(x int) int      { return x + 1 }
func mk() S             { return S{uint8(g0)} }
func mkp() *S           { return &S{2} }
func double(x int) int  { return 2 * x }
func triple(x int) int  { return 3 * x }
func pick(i int) func(int) int {
	if i > 0 {
		return double
	}
	return triple
}

var fs = []func(int) int{double, triple}

func lit() int8    { return S{f: uint8(fi(g0))}.M() }
func result() int8 { return mk().M() }
func ptr() int     { return mkp().P() }
func viaNew() int8 { return (*new(S)).M() }
func indexed() int { return fs[fi(0)](5) }
func chained() int { return pick(g0)(4) }

func main() {
	println(lit(), result(), ptr(), viaNew(), indexed(), chained(), cs)
}
