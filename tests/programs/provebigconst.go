package main

// Indexes and comparisons with the most negative int: prove.rs must not
// overflow while it reads them as terms (a debug build's overflow checks
// caught it on generated programs), and they wrap as Go's do.

var g = 3

func main() {
	s := []int{1, 2, 3}
	i := g
	j := i - (-9223372036854775808)
	println(j, j < i)
	if i > -9223372036854775808 && i < 3 {
		println(s[i])
	}
	k := -9223372036854775808 + i
	if k < -9223372036854775807 {
		println("k", k)
	}
	println(s[i-3])
	println(s[i+(-9223372036854775808)+9223372036854775807-2])
}
