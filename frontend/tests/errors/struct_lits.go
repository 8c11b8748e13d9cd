package main

// Struct literal errors.

type P struct {
	X, Y int
}

func main() {
	a := P{X: 1, Z: 2}
	b := P{1}
	c := P{1, 2, 3}
	d := P{X: 1, 2}
	e := P{X: 1, X: 2}
	f := P{1, "s"}
	g := []int{1, "a"}
	h := [2]int{1, 2, 3}
	println(a.X, b.X, c.X, d.X, e.X, f.X, g, h[0])
}
