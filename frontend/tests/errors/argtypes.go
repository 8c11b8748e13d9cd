package main

// Wrong argument counts and types.

func add(a, b int) int { return a + b }

func greet(name string, times int) {}

func sum(xs ...int) int { return 0 }

func main() {
	add(1)
	add()
	greet(3, "x")
	greet("a", 1.5)
	sum(1, "two")
	add(1, 2, 3, 4)
	var s []string
	sum(s...)
	add(s...)
}
