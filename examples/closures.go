// Closures: a generator that keeps its state between calls, and functions
// built from other functions.
package main

func fibonacci() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func twice(f func(int) int) func(int) int {
	return func(x int) int { return f(f(x)) }
}

func main() {
	next := fibonacci()
	for i := 0; i < 10; i++ {
		print(next(), " ")
	}
	println()
	addThree := func(x int) int { return x + 3 }
	println("twice(addThree)(10) =", twice(addThree)(10))
	println("twice(twice(addThree))(10) =", twice(twice(addThree))(10))
}
