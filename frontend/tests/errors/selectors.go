package main

// Selectors naming no field or method.

type T struct{ a int }

func (t T) M() {}

type U struct{ T }

func main() {
	var t T
	var p *T
	var u U
	var pp **T
	println(t.b, p.b, u.c, pp.a)
	t.m()
	T.N()
	x := 5
	println(x.y)
}
