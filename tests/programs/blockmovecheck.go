package main

// A nil check of a pointer gc learns is an address only late (through an
// interface): a frame- or symbol-relative load does not check it, so the
// explicit check stays; a block move takes the address in a register and
// faults, so the check before it goes (for a global: its address is one
// value in gc's SSA).

type B struct{ x [20]int }

type S struct{ a, b int }

type I interface{ M(c B) int }

type J interface{ N() int }

var g B

var s S

func (b B) M(c B) int {
	t := 0
	for i := 0; i < 20; i++ {
		t += b.x[i] * c.x[i]
	}
	return t
}

func (v S) N() int { return v.a - v.b }

func main() {
	var i I = &g
	g.x[1] = 3
	println(i.M(g))
	var j J = &s
	s.a = 5
	println(j.N())
}
