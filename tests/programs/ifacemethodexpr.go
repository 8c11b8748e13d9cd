// Method expressions of interface methods: I.M, promoted through an
// embedded interface (S.M, (*S).N), and on interface literal types; gc
// knows no callee for them (arguments escape), and the wrappers are the
// ones its type descriptors get.
package main

type I interface {
	M(int) int
	N()
}

type T int

func (t T) M(x int) int { return int(t) + x }
func (t T) N()          { println("N", int(t)) }

type S struct{ I }

func apply(f func(I, int) int, i I) int { return f(i, 2) }

func main() {
	var i I = T(40)
	f := I.M
	println(f(i, 2), apply(I.M, i), I.M(i, 1))
	I.N(i)
	g := S.M
	println(g(S{i}, 5))
	h := (*S).N
	h(&S{T(7)})
	k := I.M
	println(k(T(1), 1))
}

func lit() {
	k := interface{ M(int) int }.M
	println(k(T(1), 1))
	interface{ N() }.N(T(3))
}

func init() { lit() }
