package main

// Parameters share the function body's scope; inner blocks and closures do not.

func f(x int) int {
	x := 2
	{
		x := 3
		_ = x
	}
	g := func(y int) {
		y := 4
		z := 5
	}
	g(1)
	return x
}

func main() {
	println(f(1))
}
