package main

// The length append gives: len(x) + n, a constant gc's SSA folds when
// len(x) and cap(x) are constants with room for the n elements (the
// branch to growslice folds away); when it may grow, the length comes
// from growslice's result, which prove cannot see.

var n = 4

func main() {
	m := make([]int, 2, 10)
	m = append(m, 1, 2)
	println(m[3])

	u := make([]int, 2, 2)
	u = append(u, 1)
	println(u[2])

	v := make([]int, 0, n)
	v = append(v, 7)
	println(v[0])

	s := []int{1, 2, 3}
	s = append(s, 4)
	println(s[3])

	w := make([]int, 3, 8)
	t := append(w, 5, 6)
	println(t[4], len(w))

	x := make([]int, 1, 4)
	x = append(x, x...)
	println(x[1])

	y := make([]int, 0, 3)
	y = append(y, 1)
	y = append(y, 2)
	println(y[1], y[0])
}
