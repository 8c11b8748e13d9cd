package main

// gc's prove decides each check of a slice expression apart: s[lo:i]
// keeps lo <= i and drops i <= len(s) when a loop bounds i. A loop to
// i <= len(s) bounds i for gc only when the bound is a constant, or
// len(s) - k with k at least the step.

func words(s string) int {
	n, start := 0, -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				n += len(s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return n
}

func prefixes(s []int, lo int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += len(s[lo:i])
	}
	return t
}

func lastButOne(s []int) int {
	t := 0
	for i := 0; i <= len(s)-1; i++ {
		t += s[i]
	}
	return t
}

func upTo(s []int, n int) int {
	t := 0
	for i := 0; i <= n; i++ {
		if i < len(s) {
			t += s[i]
		}
	}
	return t
}

func constant(a *[8]int) int {
	t := 0
	for i := 0; i <= 7; i++ {
		t += a[i]
	}
	return t
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	var a [8]int
	println(words("the quick brown fox"), prefixes(s, 0), lastButOne(s), upTo(s, 9), constant(&a))
}
