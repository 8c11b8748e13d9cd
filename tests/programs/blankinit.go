// `var _ = v` at package level: gc's static initialization drops it when v
// has no side effects (Go's fixedbugs/issue23781.go), and otherwise lays v
// out as static data like any package variable's, whose parts for `_` go
// nowhere while a slice's elements still go to its static backing array.
package main

var sink *int

func f() int { return 3 }

func g() *int {
	x := 1
	return &x
}

var _ = []int{1 << 20: 1}

var _ = [2]int{4, 5 / 1}

var _ = []int{f(), 2}

var _ = &struct{ a int }{f()}

var _ = [1]*int{g()}

var _ = []*int{g()}

var _ = 7 / len("ab")

func main() {
	println(f(), *g())
}
