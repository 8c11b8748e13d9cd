package main

// A tuple assignment evaluates the index operands on its left and the
// expressions on its right first, then assigns in order, each element's
// bounds check (or pointer's nil check) made as it is assigned: targets
// before the one that panics are already assigned.

type T struct{ x, y int }

func f(n int) int {
	println("f", n)
	return n
}

func try(name string, g func()) {
	defer func() {
		r := recover()
		if r != nil {
			println(name, "panicked:", r.(error).Error())
		}
	}()
	g()
}

func main() {
	a := []int{0, 0, 0}
	try("second out of range", func() { a[0], a[5] = f(1), f(2) })
	println(a[0], a[1], a[2])
	try("first out of range", func() { a[7], a[1] = f(3), f(4) })
	println(a[0], a[1], a[2])
	try("three targets", func() { a[1], a[2], a[3] = f(5), f(6), f(7) })
	println(a[0], a[1], a[2])
	i, j := 0, 2
	a[i], a[j] = a[j], a[i]
	println(a[0], a[1], a[2])
	try("swap out of range", func() { a[i], a[9] = a[9], a[i] })
	println(a[0], a[1], a[2])
	var p *T
	t := &T{}
	try("nil pointer second", func() { t.x, p.y = f(8), f(9) })
	println(t.x, t.y)
	m := map[string]int{}
	try("map then index", func() { m["k"], a[4] = f(10), f(11) })
	println(len(m), m["k"])
	var b [2]int
	k := 3
	try("array", func() { b[0], b[k] = f(12), f(13) })
	println(b[0], b[1])
}
