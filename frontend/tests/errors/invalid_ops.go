package main

// Operators applied to operands that do not support them.

type P struct{ x int }

func main() {
	s := "a" - "b"
	t := !1
	u := -"s"
	v := true + false
	var p, q P
	w := p + q
	x := p < q
	f := 1.5
	y := f % 2
	z := 3 &^ f
	println(s, t, u, v, w, x, y, z)
}
