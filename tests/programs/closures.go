// Closures: counters capturing by reference, captured loop variables (Go
// 1.19: one variable per loop), closures passed and returned.
package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func main() {
	c1, c2 := counter(), counter()
	println(c1(), c1(), c2(), c1())

	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		println(f())
	}

	k := 3
	scaled := apply([]int{1, 2, 3}, func(x int) int { return x * k })
	k = 100
	println(scaled[0], scaled[1], scaled[2])

	inc := func(x int) int { return x + 1 }
	dbl := func(x int) int { return x * 2 }
	println(compose(inc, dbl)(5), compose(dbl, inc)(5))

	sum := 0
	func() {
		for j := 1; j <= 10; j++ {
			sum += j
		}
	}()
	println(sum)

	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	println(fib(20))
}
