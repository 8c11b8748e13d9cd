package main

// A range with at most one iteration variable over an array expression
// without calls or receives does not evaluate the array: its length is a
// constant (the spec's exception, which gc's typecheck folds), so gc walks
// nothing in it and reports no bounds check elided there (minigo-fuzz seed
// 720038). With a value variable the array is evaluated.

var g0 int = 7
var g1 [8]uintptr
var n uint = 13

func main() {
	for i := range [2]uintptr{g1[uint(g0)%8], 0} {
		println(i)
	}
	for range [3]uintptr{g1[uint(g0)%8]} {
		println("again")
	}
	for i, _ := range [1]uintptr{g1[n]} {
		println("not evaluated", i)
	}
	for i, v := range [2]uintptr{g1[uint(g0)%8], 0} {
		println(i, v)
	}
}
