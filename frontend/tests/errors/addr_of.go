package main

// Taking the address of values that are not addressable.

func one() int { return 1 }

const k = 5

func main() {
	a := &one()
	b := &k
	c := &"s"
	x := 1
	d := &(x + 1)
	println(a, b, c, d)
}
