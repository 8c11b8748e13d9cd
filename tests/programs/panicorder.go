// A builtin call that panics (make with a length over its capacity) comes
// lexically before a function call in the same expression, so Go evaluates
// it first and the function never runs; minigo ran the closure first
// (found by minigo-fuzz, seed 70306, reduced).
package main

var cs uint64
var g0 int = 7
var gs string = "go"

func f21() (r int) {
	defer func() {
		if rec := recover(); rec != nil {
		}
	}()
	gs = string(append([]byte(gs+"!"), make([]uint8, 1+int(uint8(g0)%8), 5)...)) + func() string {
		cs++
		return gs
	}()
	return
}

func main() {
	f21()
	println(cs)
}
