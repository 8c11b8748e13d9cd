// Bounds checks of indexes that inlining makes constants: gc's SSA folds
// arithmetic on a constant argument (x % 3, x*2 + 1, shifts) and carries
// the value of a function's single result out of its inlined body, so
// prove sees a constant index. A body with two returns joins two values,
// and the check stays.
package main

var calls int

func mod3(x int) int {
	calls++
	return x % 3
}

func twice(x int) int { return x*2 + 1 }

func shifted(x int) int { return (x << 2) >> 1 }

func masked(x, y int) int { return (x | y) &^ 4 }

func pick(x int) int {
	if x > 10 {
		return 0
	}
	return 1
}

func quotient(x, y int) int { return x / y }

func index(i int) int {
	if i < 0 {
		return 0
	}
	return i
}

func last(s []int) int { return len(s) - 1 }

func main() {
	v := []int{1, 2, 3}
	w := make([]int, 8)
	v[mod3(4)] = 7
	w[twice(3)] = 5
	w[shifted(3)] = 6
	w[masked(3, 5)] = 2
	v[pick(12)] = 9
	n := mod3(7)
	println(v[n], w[n+6])
	k := twice(2)
	println(w[k], w[k+2])
	d := quotient(7, 2)
	println(v[d-1], w[d])
	v[pick(calls)] = 4
	v[index(calls-5)] = 8
	println(w[last(w)], v[last(v)-1], w[mod3(calls)])
	println(v[0], v[1], v[2], w[0], w[1], w[4], w[6], w[7], calls)
}
