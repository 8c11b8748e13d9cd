package main

// Bounds checks inside loops: the ones a loop makes needless (the index
// counts over the slice it indexes) and the ones that must stay because the
// body changes the slice or the index, the index starts below zero, or the
// bound is not the slice's length (nor that of a slice made with the same
// length). Each call recovers from its panic.

func sumRange(s []int) int {
	t := 0
	for i := range s {
		t += s[i]
	}
	for i := 0; i < len(s); i++ {
		t += s[i] * i
	}
	n := len(s)
	made := make([]int, n)
	for i := 0; i < n; i++ {
		made[i] = s[i] + 1
	}
	for i := 1; i < n; i++ {
		for j := i + 1; j < len(made); j++ {
			t += made[j] - made[i]
		}
	}
	return t
}

func shrinking(s []int) int {
	t := 0
	for i := range s {
		t += s[i]
		s = s[:len(s)/2]
	}
	return t
}

func skipping(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]
		i++
	}
	return t
}

func skippingRange(s []int) int {
	t := 0
	for i := range s {
		i += 3
		t += s[i]
	}
	return t
}

func negativeStart(s []int) int {
	t := 0
	for i := -1; i < len(s); i++ {
		t += s[i]
	}
	return t
}

func otherLimit(s []int, n int) int {
	buf := make([]int, n)
	t := 0
	for i := 0; i < n; i++ {
		t += buf[i] + s[i]
	}
	return t
}

func remade(n int) int {
	buf := make([]int, n)
	t := 0
	for k := 0; k < 2; k++ {
		for i := 0; i < n; i++ {
			t += buf[i]
		}
		buf = make([]int, 1)
	}
	return t
}

func sameLength(n int) int {
	u := make([]int, n)
	v := make([]int, n)
	for i := range v {
		u[i] = i
	}
	t := 0
	for i := 0; i < n; i++ {
		t += u[i] * v[i]
	}
	return t + len(u)
}

func differentLength(n, m int) int {
	u := make([]int, n)
	v := make([]int, m)
	t := 0
	for i := range v {
		t += u[i]
	}
	return t
}

func constLengths() int {
	u := make([]int, 4)
	v := make([]int, 4)
	w := make([]int, 5)
	t := 0
	for i := range v {
		t += u[i] + 1
	}
	for i := range w {
		t += u[i]
	}
	return t
}

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panicked")
		}
	}()
	println(name, f())
}

func main() {
	s := []int{3, 1, 4, 1, 5, 9, 2, 6}
	try("sumRange", func() int { return sumRange(s) })
	try("shrinking", func() int { return shrinking(s) })
	try("skipping", func() int { return skipping(s[:7]) })
	try("skippingRange", func() int { return skippingRange(s) })
	try("negativeStart", func() int { return negativeStart(s) })
	try("otherLimit", func() int { return otherLimit(s, 4) })
	try("otherLimit long", func() int { return otherLimit(s, 9) })
	try("remade", func() int { return remade(3) })
	try("sameLength", func() int { return sameLength(5) })
	try("differentLength", func() int { return differentLength(3, 3) })
	try("constLengths", constLengths)
	try("differentLength longer", func() int { return differentLength(3, 4) })
}
