// A map literal's large values: walk's maplit assigns each to a temporary,
// then to the map's slot, and one block move of each is left: where the
// value is written when it is a literal of constants (read from its static
// image, or zeros), else at the literal's brace.
package main

type Big struct {
	s string
	a [20]int
}

type Plain struct {
	a [20]int
}

var n = 3
var str = "x"

func main() {
	a := map[int]Plain{2: {a: [20]int{3: 9}}}
	b := map[int]Big{1: {s: "ab", a: [20]int{3: 5}}}
	c := map[int]Plain{2: {a: [20]int{3: n}}}
	d := map[int]Big{1: {s: str, a: [20]int{3: 5}}}
	p := Plain{}
	e := map[int]Plain{2: p}
	q := Big{}
	f := map[int]Big{2: q, 3: {s: "y"}}
	g := map[int]Plain{2: {}}
	println(len(a), len(b), len(c), len(d), len(e), len(f), len(g))
	println(a[2].a[3], b[1].s, c[2].a[3], d[1].s, e[2].a[0], f[3].s, g[2].a[1])
}
