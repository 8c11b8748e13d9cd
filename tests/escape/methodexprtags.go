// A call through a method expression (*T).M of a value method uses M's own
// parameter tags in gc's escape analysis, the pointer standing for the
// receiver: an argument M does not leak stays on the stack; the pointer
// leaks when M's receiver holds no pointers (its tag is empty), or as the
// receiver's tag says (found by minigo-fuzz, seeds 200864, 200901, 201026).
package main

type P struct {
	name string
	n    int
}

type Q struct{ a, b int }

var sink *P

//go:noinline
func (p P) Keep(other *P, s string) int {
	if other != nil {
		return p.n + other.n + len(s)
	}
	return len(p.name)
}

//go:noinline
func (q Q) Sum(extra []int) int {
	return q.a + q.b + len(extra)
}

func main() {
	p := &P{"x", 1}
	q := &Q{2, 3}
	println((*P).Keep(p, new(P), "go"), (*Q).Sum(q, make([]int, 4)))
}
