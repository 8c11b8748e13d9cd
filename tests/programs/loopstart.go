package main

// Bounds checks on an inner loop's counter that starts at an offset from
// the outer one: gc's prove sees `i + 1` as a value of its own, non-negative
// only when i's bounds are constants, so `s[j]` keeps its check unless the
// start is known non-negative that way (or is i itself).

func plusOne(s []int) int {
	e := 0
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			e += s[j]
		}
	}
	return e
}

func fromOuter(s []int) int {
	e := 0
	for i := range s {
		for j := i; j < len(s); j++ {
			e += s[j]
		}
	}
	return e
}

func downTo(s []int) int {
	e := 0
	for i := range s {
		for j := len(s) - 1; j >= i; j-- {
			e += s[j]
		}
	}
	return e
}

func constOuter(s []int) int {
	e := 0
	for i := 0; i < 3; i++ {
		for j := i + 1; j < len(s); j++ {
			e += s[j]
		}
	}
	return e
}

func guarded(s []int, k int) int {
	e := 0
	if k < 0 || k > 100 {
		return 0
	}
	for j := k + 1; j < len(s); j++ {
		e += s[j]
	}
	return e
}

func toN(s []int, n int) int {
	e := 0
	if n > len(s) {
		return 0
	}
	for i := range s {
		for j := i; j < n; j++ {
			e += s[j]
		}
	}
	return e
}

func minusOne(s []int) int {
	e := 0
	for i := 1; i < len(s); i++ {
		for j := i - 1; j < len(s); j++ {
			e += s[j]
		}
	}
	return e
}

func minusOneToN(s []int, n int) int {
	e := 0
	if n > len(s) {
		return 0
	}
	for i := 1; i < len(s); i++ {
		for j := i - 1; j < n; j++ {
			e += s[j]
		}
	}
	return e
}

func previous(s []int) int {
	e := 0
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			e += s[j-1]
		}
	}
	return e
}

func pairs(s []int) int {
	e := 0
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			e += s[i] * s[j]
		}
	}
	return e
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	println(plusOne(s), fromOuter(s), downTo(s), constOuter(s), guarded(s, 1), guarded(s, -1))
	println(toN(s, 3), toN(s, 9), minusOne(s), minusOneToN(s, 4), previous(s), pairs(s))
}
