package main

// Assignment count mismatches in all their forms.

func one() int { return 1 }

func two() (int, int) { return 1, 2 }

func main() {
	a, b := one()
	c, d, e := two()
	f, g := 1, 2, 3
	var h, i = 1
	var j, k int = two(), 1
	var l int
	l, a = two(), 3
	l = two()
	println(a, b, c, d, e, f, g, h, i, j, k, l)
}
