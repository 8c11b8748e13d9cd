package main

// gc 1.19's devirtualization: an interface call whose receiver is
// statically a conversion of a concrete value becomes a direct call
// (after inlining, so it stays a call); through an embedded interface it
// becomes a call through that field ("partially devirtualizing").

type Adder interface {
	Add(int) int
}

type Base struct{ n int }

func (b Base) Add(x int) int { return b.n + x }

type Ptr struct{ n int }

func (p *Ptr) Add(x int) int {
	p.n += x
	return p.n
}

type Wrapped struct {
	Adder
}

type Outer struct {
	Base
}

func newAdder(n int) Adder { return Base{n} }

//go:noinline
func opaque(n int) Adder { return &Ptr{n} }

func main() {
	var a Adder = Base{1}
	println(a.Add(2))
	p := Adder(&Ptr{10})
	println(p.Add(5), p.Add(5))
	b := newAdder(3)
	println(b.Add(4))
	var w Adder = Wrapped{Base{7}}
	println(w.Add(1))
	var o Adder = Outer{Base{8}}
	println(o.Add(1))
	c := opaque(1)
	println(c.Add(1))
	var r Adder = Base{1}
	r = Base{2}
	println(r.Add(0))
}
