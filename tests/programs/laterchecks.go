package main

// gc's late nil-check pass drops an explicit check that another check of
// the same pointer follows in its block, with no store or call between.
// Inlined with a stack array, the checks of p and q (one pointer once
// lowered) are the ones left; the later stays.

var sink int

func both(s []int) int {
	s = s[:4]
	p := (*[4]int)(s)
	q := (*[2]int)(s)
	return p[3] + q[1]
}

func storeBetween(s []int) int {
	s = s[:4]
	p := (*[4]int)(s)
	t := p[3]
	sink = t
	q := (*[2]int)(s)
	return t + q[1]
}

func three(s []int) int {
	s = s[:3]
	p := (*[3]int)(s)
	q := (*[2]int)(s)
	r := (*[1]int)(s)
	return p[2] + q[1] + r[0]
}

func main() {
	println(both([]int{1, 2, 3, 4, 5}))
	println(storeBetween([]int{1, 2, 3, 4, 5}))
	println(three([]int{1, 2, 3}))
	println(func() int { return both([]int{5, 6, 7, 8}) }())
}
