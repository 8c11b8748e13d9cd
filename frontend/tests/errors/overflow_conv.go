package main

// Conversions of constants that overflow.

func main() {
	a := int8(300)
	b := uint8(-1)
	c := int(1e100)
	d := int(2.5)
	println(a, b, c, d)
}
