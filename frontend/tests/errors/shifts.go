package main

// Invalid shifts.

func main() {
	x := 1
	f := 1.5
	a := x << -1
	b := f << 2
	c := x << f
	d := 1 << 1.5
	e := x >> "s"
	println(a, b, c, d, e)
}
