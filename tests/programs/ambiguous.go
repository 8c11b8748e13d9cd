// Method sets with embedded types met twice: at one depth (X: A.E and B.E)
// the promoted method is ambiguous and gets no wrapper; at different depths
// (Y: E and A.E) the shallower one wins. The wrappers follow.
package main

type E struct{ v int }

func (e E) M() int { return e.v }

type A struct{ E }
type B struct{ E }

type X struct {
	A
	B
}

type Y struct {
	A
	E
}

type F struct{ w int }

func (f F) N() int { return f.w }

type C struct {
	A
	A2 A
	F
}

func main() {
	var x X
	x.A.v = 1
	var y Y
	println(x.A.M(), x.B.M(), y.M(), C{}.N())
}
