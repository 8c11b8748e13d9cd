// A field or method found twice at the shallowest depth that has it is an
// ambiguous selector (types2's lookup); a shallower one shadows deeper ones.
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

type Z struct {
	X
	v int
}

func main() {
	var x X
	var y Y
	var z Z
	println(x.M(), x.v, y.M(), y.v, z.v, z.M(), z.A.M())
}
