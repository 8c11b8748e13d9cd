package main

// gc rewrites a deferred call's operands into temporaries one at a time,
// each just before its flows: an explanation printed at once (here the
// slice literal's, stored straight into the heap) shows the operands after
// it as written, one printed later shows all of them rewritten.

type S0 struct{ f0 string }

func (s S0) M5(a []S0, n int) string { return s.f0 + a[0].f0 }

var g2 int
var gs string

func f() {
	defer interface{}(S0{f0: gs}).(interface{ M5([]S0, int) string }).M5([]S0{S0{f0: gs}}, g2*g2)
}

func main() {
	f()
}
