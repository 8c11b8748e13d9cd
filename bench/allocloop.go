package main

// An allocation-heavy loop whose objects never outlive an iteration: a
// pointer to a struct literal, new, a constant-size make, a closure that
// captures by reference, and a variadic call. Escape analysis keeps them all
// on the stack; without it every one is a heap allocation.

const n = 60000000 // test: 1000

type vec struct{ x, y, z int }

func (v *vec) add(w *vec) {
	v.x += w.x
	v.y += w.y
	v.z += w.z
}

//go:noinline
func sum(xs ...int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

//go:noinline
func fill(buf []int, v int) {
	for i := range buf {
		buf[i] = v + i
	}
}

func main() {
	total := 0
	acc := &vec{}
	for i := 0; i < n; i++ {
		p := &vec{i, i + 1, i + 2}
		q := new(vec)
		q.x = i & 7
		p.add(q)
		acc.add(p)
		buf := make([]int, 8)
		fill(buf, i)
		count := 0
		bump := func(d int) { count += d }
		bump(buf[7])
		total += sum(count, p.x, q.x) & 1023
	}
	println(total, acc.x, acc.y, acc.z)
}
