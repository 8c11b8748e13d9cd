package main

// types2's reasons a type does not implement an interface, and duplicate
// methods.

type I interface {
	M()
	N(int) string
}

type A struct{}

func (A) M() {}

type B struct{}

func (*B) M()             {}
func (*B) N(int) string { return "" }

type C struct{}

func (C) M()              {}
func (C) N(string) string { return "" }

type D struct{}

func (D) M()              {}
func (D) n(int) string { return "" }

type J interface {
	I
	M()
}

type K interface {
	M()
	M()
}

func main() {
	var i I = A{}
	var j I = B{}
	var k I = C{}
	var l I = D{}
	var p *I = &i
	var q I = p
	_ = i.(B)
	_ = i.(C)
	var e error = "x"
	println(i, j, k, l, q, e)
}
