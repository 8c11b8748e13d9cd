package main

// The inliner's microbenchmark: a loop calling a tiny add. Inlined, the
// call disappears; with -l every iteration makes a real call.

func add(a, b int) int {
	return a + b
}

func main() {
	const n = 1000000000 // test: 1000
	s := 0
	for i := 0; i < n; i++ {
		s = add(s, i)
	}
	println(s)
}
