// `*&x` costs one node less in gc's inlining costs, but `*&T{...}` does not:
// &T{...} is an OPTRLIT, not an OADDR (Go's escape_indir.go and
// fixedbugs/issue39292.go, where a method value's receiver is such a deref).
package main

type T [2]*int

func (T) f() int { return 1 }

type P struct{ a, b int }

func addr() int {
	x := P{1, 2}
	return (*&x).a
}

func lit() int {
	return (*&P{3, 4}).b
}

func methodValue() int {
	y := (&T{}).f
	return y()
}

func main() {
	println(addr(), lit(), methodValue())
}
