// gc's noder builds an assignment's right side before its left side, so a
// function literal on the right is numbered before one on the left, in `=`
// and in `op=` (found by minigo-fuzz, seed 91071).
package main

var cs int

func main() {
	v := []int{1, 2, 3}
	v[func(x int) int {
		cs += x
		return x % 3
	}(4)] = v[0] + func(y int) int {
		cs *= y
		return y
	}(5)
	v[func() int { return 2 }()] += func() int { cs++; return 7 }()
	println(v[0], v[1], v[2], cs)
}
