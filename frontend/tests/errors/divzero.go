package main

// Division by a constant zero.

func main() {
	x := 10
	a := x / 0
	b := x % 0
	c := 1.5 / 0
	const k = 0
	d := x / k
	x /= 0
	println(a, b, c, d)
}
