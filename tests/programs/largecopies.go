// gc's back end logs each copy of 128 bytes or more it lowers (-json's
// `copy` records): assignments, arguments and results on the stack, a
// range over an array, literals copied from their static image, the
// temporaries of interface conversions and deferred calls, and the
// wrapper of a value method. It does not log a copy its rules turn into
// stores (a variable just zeroed and given a few stores), and it logs a
// memmove of an array with its whole size, a lowered move without the
// tail its 16-byte moves leave.
package main

type B struct{ x [20]int }

type I struct{ op, arg int }

var g B
var ga [20]int
var odd [33]int
var sink *B
var sinkInts []int
var sinkI []I
var cs int

//go:noinline
func take(b B) int { return b.x[3] }

//go:noinline
func take2(a, b B) int { return a.x[3] + b.x[4] }

//go:noinline
func ret() B { return g }

func next() int { cs++; return cs % 20 }

func (b B) Sum() int { return b.x[0] + b.x[1] + b.x[2] }

type Shape interface{ Sum() int }

func assignLocal() int {
	a := g
	a.x[1] = 5
	return a.x[1] + a.x[2]
}

func assignGlobal(b B) {
	g = b
}

func passZeroed() int {
	var b B
	b.x[2] = 7
	return take(b)
}

func passCopy() int {
	a := g
	return take(a) + take2(g, a)
}

func localToLocal() int {
	var a B
	a.x[next()] = 1
	b := a
	b.x[1] = 2
	return b.x[next()] + a.x[0]
}

func rangeArray() int {
	s := 0
	for _, v := range ga {
		s += v
	}
	for i := range ga {
		s += i
	}
	for _, v := range &ga {
		s += v
	}
	return s
}

func result() int {
	b := ret()
	return b.x[0] + ret().x[1]
}

func retLocal() B {
	var b B
	b.x[next()] = 3
	return b
}

func throughPointers(p *B, q *[20]int) int {
	b := *p
	*p = g
	*q = ga
	return b.x[next()]
}

func arrayLiterals(v int) int {
	a := [20]int{1, 2, 3, 4, 5}
	b := [20]int{1, 2, 3}
	c := [20]int{v, v, v, v, v, v}
	d := [20]int{0, 0, 0, 0, 0, 0}
	return a[next()] + b[next()] + c[next()] + d[next()]
}

func sliceLiterals() int {
	small := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}
	onStack := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
		21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33}
	onHeap := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
		21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33}
	sinkInts = onHeap
	pairs := []I{{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}, {13, 14}, {15, 16},
		{17, 18}, {19, 20}, {21, 22}, {23, 24}, {25, 26}, {27, 28}, {29, 30}, {31, cs}, {32, 33}}
	sinkI = pairs
	keyed := []I{{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}, {13, 14}, {15, 16},
		{17, 18}, {19, 20}, {21, 22}, {23, 24}, {25, 26}, {27, 28}, {29, 30}, {31, cs}, {op: 32}}
	return small[next()] + onStack[next()] + pairs[next()].op + keyed[next()].arg
}

func oddSize() int {
	a := odd
	a[next()] = 1
	return a[next()]
}

func heapCopy() {
	b := g
	sink = &b
}

func eq(a, b interface{}) bool { return a == b }

//go:noinline
func eqNoInline(a, b interface{}) bool { return a == b }

func conversions() bool {
	var b1, b2 B
	b2.x[3] = 1
	var s Shape = g
	return eq(b1, b2) || eqNoInline(b1, g) || s.Sum() > 0
}

func defers() {
	var b B
	b.x[3] = 4
	defer b.Sum()
	c := g
	defer c.Sum()
}

func results() {
	ret()
	defer ret()
	var i interface{} = ret()
	_, ok := i.(B)
	b := i.(B)
	println(take(ret()), ok, b.x[0])
}

func closure() func() int {
	b := g
	return func() int { return b.x[0] }
}

func main() {
	g.x[0], g.x[1], g.x[2], g.x[3] = 1, 2, 3, 4
	ga[5] = 6
	println(assignLocal(), passZeroed(), passCopy(), localToLocal(), rangeArray(), result())
	assignGlobal(g)
	println(retLocal().x[0], throughPointers(&g, &ga), arrayLiterals(3), sliceLiterals(), oddSize())
	heapCopy()
	println(conversions(), closure()())
	defers()
	results()
	println(cs, sink.x[0])
}
