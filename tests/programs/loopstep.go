package main

// Loop counters stepped by more than one, or by a parameter an inlined
// call binds to a constant: gc's induction variables take any constant
// step, but one above one only towards a constant bound (it cannot
// overflow then).

func sum(b []byte, step int) int {
	s := 0
	for i := 0; i < len(b); i += step {
		s += int(b[i])
	}
	return s
}

func evens(b []byte) int {
	s := 0
	for i := 0; i < len(b); i += 2 {
		s += int(b[i])
	}
	return s
}

func thirds(a *[100]int) int {
	s := 0
	for i := 0; i < 100; i += 3 {
		s += a[i]
	}
	return s
}

func down(a *[100]int) int {
	s := 0
	for i := 99; i >= 0; i -= 4 {
		s += a[i]
	}
	return s
}

func downSlice(b []byte) int {
	s := 0
	for i := len(b) - 1; i >= 0; i -= 2 {
		s += int(b[i])
	}
	return s
}

func byOne(b []byte) int {
	s := 0
	for i := 0; i < len(b); i += 1 {
		s += int(b[i])
	}
	return s
}

func main() {
	b := make([]byte, 1<<12)
	b[len(b)-1] = 7
	b[1<<10] = 3
	var a [100]int
	for i := range a {
		a[i] = i
	}
	c := make([]byte, 50)
	c[3] = 9
	println(sum(b, 1<<10), sum(b, 1), sum(c, 1), sum(c[3:], 1), evens(b), thirds(&a), down(&a), downSlice(c), byOne(c))
}
