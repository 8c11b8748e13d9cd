// The copies of 128 bytes or more gc's back end makes for maps, channels,
// ranges, type assertions, multi-value calls, interface method calls and
// arguments that may panic (walk evaluates those into a temporary before
// marshaling a call's arguments), each logged as a -json `copy` record.
package main

type B struct{ x [20]int }

type S struct {
	a [8]string
	n int
}

type I interface{ M(c B) int }

var g B
var gs = "k"
var table = B{x: [20]int{1, 2, 3, 4, 5, 6}}
var grid = [20]int{1, 2, 3, 4, 5, 6, len(gs)}

//go:noinline
func built(v int) B { return B{x: [20]int{v, 1}} }

//go:noinline
func image() [20]int { return [20]int{1, 2, 3, 4, 5, 6} }

func (b B) M(c B) int {
	t := 0
	for i := 0; i < 20; i++ {
		t += b.x[i] * c.x[i]
	}
	return t
}

//go:noinline
func two() (B, int) { return g, 1 }

//go:noinline
func take(b B) int { return b.x[1] }

func mapAssign(m map[string]B) {
	m["a"] = g
}

func mapAssignLit(m map[string]B, v int) {
	m["b"] = B{x: [20]int{v}}
}

func mapRead(m map[string]B) int {
	v, ok := m["a"]
	if ok {
		return v.x[1]
	}
	w := m["b"]
	return w.x[2] + m["c"].x[3]
}

func mapReadBytes(m map[string]B, b []byte) int {
	return m[string(b)].x[1]
}

func mapRange(m map[B]B) int {
	s := 0
	for k, v := range m {
		s += k.x[0] + v.x[1]
	}
	for k := range m {
		s += k.x[2]
	}
	return s
}

func keys(m map[S]int) int {
	delete(m, S{a: [8]string{gs, gs}, n: 1})
	v, ok := m[S{a: [8]string{gs}}]
	if ok {
		return v
	}
	return m[S{n: 2}]
}

func sliceRange(s []B) int {
	t := 0
	for _, v := range s {
		t += v.x[0]
	}
	for i := range s {
		t += i
	}
	return t
}

func arrayRange(a *[3]B) int {
	t := 0
	for _, v := range *a {
		t += v.x[0]
	}
	for _, v := range a {
		t += v.x[1]
	}
	return t
}

func chanOps(c chan B) int {
	t := 0
	for v := range c {
		t += v.x[0]
	}
	return t
}

func asserts(i interface{}) int {
	v, ok := i.(B)
	if ok {
		return v.x[1]
	}
	return 0
}

func results() int {
	b, n := two()
	_, k := two()
	return b.x[0] + n + k + take(*&g)
}

//go:noinline
func pair(b B, i int) int { return b.x[0] + i }

var gb [4]B

func defers(v int) {
	defer pair(B{x: [20]int{v, 2, 3, 4, 5}}, v)
	defer pair(gb[v%4], v)
	defer pair(g, v)
}

func main() {
	m := map[string]B{}
	mapAssign(m)
	mapAssignLit(m, 3)
	println(mapRead(m), mapReadBytes(m, []byte("a")), mapRange(map[B]B{}), keys(map[S]int{}))
	println(sliceRange(make([]B, 2)), arrayRange(&[3]B{}))
	c := make(chan B, 3)
	c <- g
	c <- g
	close(c)
	println(chanOps(c), asserts(nil), results())
	var i I = &g
	println(i.M(g))
	println(built(2).x[0], image()[5], table.x[2], grid[6])
	defers(3)
}
