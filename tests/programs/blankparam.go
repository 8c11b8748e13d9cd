package main

// Inlined calls bind unnamed and blank parameters to `_`; an unnamed
// interface type prints its unexported methods qualified with the package;
// the types of package variables get their descriptors (and wrappers).

type T int

var sink interface{}

func (T) b(s *int) *int {
	return s
}

func f(_ int, s *int) *int { return s }

type I interface {
	String() string
}

type S string

func (s S) String() string { return string(s) }

var z *struct{ I }

var x interface {
	m(int)
}

type U int

func (u U) m(n int) { println("m", int(u), n) }

var M func(int)

func main() {
	var t T
	a := 1
	sink = t.b(&a)
	b := 2
	sink = f(1, &b)
	var i interface{ b(*int) *int } = &t
	println(*i.b(&a))
	z = &struct{ I }{S("s")}
	println(z.String())
	x = U(3)
	M = x.m
	M(4)
}
