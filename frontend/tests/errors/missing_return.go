package main

// Functions that can fall off their end.

func a(x int) int {
	for {
		if x > 0 {
			break
		}
	}
}

func b(x int) int {
	switch x {
	case 1:
		return 1
	}
}

func c(x int) int {
	if x > 0 {
		return 1
	}
}

func d(x int) int {
	for x > 0 {
		return 1
	}
}

func e(x int) int {
	switch {
	case x > 0:
		return 1
	default:
		break
	}
}

func ok1(x int) int {
	for {
	}
}

func ok2(x int) int {
	panic("no")
}

func ok3(x int) int {
	switch {
	case x > 0:
		return 1
	default:
		return 2
	}
}

func ok4(x int) int {
L:
	for {
		for {
			break L
		}
	}
}

func main() {
	f := func() int {
		println()
	}
	println(a(1), b(1), c(1), d(1), e(1), ok1(1), ok2(1), ok3(1), ok4(1), f())
}
