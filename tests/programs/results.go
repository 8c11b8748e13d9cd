// Multiple and named results: swapping, early returns with named results,
// a multi-value call forwarded as arguments, blank results.
package main

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func minmax(xs []int) (lo, hi int) {
	if len(xs) == 0 {
		return
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return
}

func add(a, b int) int {
	return a + b
}

func swap(a, b string) (string, string) {
	return b, a
}

func sum(xs ...int) (total int) {
	for _, x := range xs {
		total += x
	}
	return total
}

func main() {
	q, r := divmod(17, 5)
	println(q, r)
	println(add(divmod(17, 5)))
	lo, hi := minmax([]int{4, -2, 9, 0})
	println(lo, hi)
	lo, hi = minmax(nil)
	println(lo, hi)
	x, y := swap("a", "b")
	println(x, y)
	_, r = divmod(9, 4)
	println(r)
	println(sum(), sum(1, 2, 3), sum([]int{10, 20}...))
}
