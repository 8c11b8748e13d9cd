// gc's order pass evaluates `x && y` (and `||`) into a temporary ahead of
// its statement, as it does a call: `t = x; if t { t = y }`. So a call in
// y runs before the statement's other operands are read, and the bounds
// checks of x and y are walked before the rest of the statement's (found
// by minigo-fuzz, seed 301566).
package main

var g0 = 7
var g2 [20]bool
var s = []int{1, 2, 3}

func bump() bool {
	s[0] = 10
	return true
}

func main() {
	g2 = [20]bool{g2[(9^uint(g0))%20], s[0] > 0, g2[uint(g0)%20] || g2[uint(g0)%20]}
	println(s[0], g0 > 3 && bump(), g2[1])
	println(s[0], len(s) > 0 || bump())
}
