package main

// Bounds checks between the operands of one expression: gc's SSA checks
// them left to right, and a check that passed proves the next one, unless
// gc's order pass moved a call (and the checks in its arguments) before
// the expression.

var sink = []int{3, 1, 4, 1, 5, 9, 2, 6}

func twoArrays(a, b *[8]int, i int) int {
	return a[i] + b[i]
}

func sameSlice(s []int, i int) int {
	return s[i] * s[i]
}

func longerFirst(s []int, i int) int {
	return s[i+2] + s[i]
}

func shorterFirst(s []int, i int) int {
	return s[i] + s[i+2]
}

//go:noinline
func twice(x int) int { return 2 * x }

func callArgument(s []int, i int) int {
	return s[i] + twice(s[i])
}

func callFirst(s []int, i int) int {
	return twice(s[i]) + s[i]
}

func lengths(s []int) int {
	return s[len(s)-1] + s[0]
}

func nested(s []int, t []int, i int) int {
	return s[t[i]] + t[i]
}

func slices(s []int, i int) int {
	return len(s[i:]) + s[i]
}

func main() {
	a, b := [8]int{1, 2, 3, 4, 5, 6, 7, 8}, [8]int{8, 7, 6, 5, 4, 3, 2, 1}
	println(twoArrays(&a, &b, 3), sameSlice(sink, 2), longerFirst(sink, 1), shorterFirst(sink, 5))
	println(callArgument(sink, 4), callFirst(sink, 6), lengths(sink), nested(sink, sink, 1), slices(sink, 7))
}
