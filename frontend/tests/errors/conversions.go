package main

// Conversions Go does not allow.

type T struct{ a int }

func main() {
	s := "hi"
	a := int(s)
	b := string(1.5)
	c := []int(s)
	var t T
	d := int(t)
	e := bool(1)
	f := T(3)
	p := &t
	g := (*int)(p)
	println(a, b, c, d, e, f, g)
}
