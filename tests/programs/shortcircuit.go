// `x && y` and `x || y` evaluate y only when x does not decide: a right
// operand that would panic (an index, a division, a shift by a negative
// count, a nil dereference) must not run. minigo evaluates a small right
// operand that cannot panic without a branch (mandelbrot's loop test),
// and every other one conditionally.
package main

type node struct{ v int }

func main() {
	s := []int{4, 5}
	var p *node
	zero, neg := 0, -1
	n := 0
	for i := 0; i < 4; i++ {
		if i < len(s) && s[i] > 4 {
			n++
		}
		if zero != 0 && 10/zero > 1 {
			n += 10
		}
		if neg >= 0 && 1<<neg > 2 {
			n += 100
		}
		if p != nil && p.v > 0 {
			n += 1000
		}
		if i >= len(s) || s[i] < 5 {
			n += 10000
		}
	}
	// Branch-free right operands: floats, with NaN, and integer arithmetic that wraps.
	x, y, k := 0.0, 1.0, 0
	for ; k < 50 && x*x+y*y <= 4; k++ {
		x, y = x*x-y*y+0.3, 2*x*y+0.5
	}
	nan := x - x
	big := int64(9223372036854775807)
	println(n, k, nan != nan && k > 3, big+1 < 0 || k < 0, -big-2 > 0 && true)
}
