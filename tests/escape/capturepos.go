// gc's noder meets an assignment's right side before its left side, and a
// range statement's variables before its operand: the "(captured by a
// closure)" line of a variable a closure captures is positioned at that
// first use (minigo took the first in evaluation order; found by
// minigo-fuzz, seed 91014).
package main

var sink func() string
var sinkInt func() int

func swap() {
	v := "a"
	sink = func() string {
		x := "b"
		x, v = v, x
		return x + v
	}
}

func opAssign() {
	n := 1
	sinkInt = func() int {
		m := 2
		m += n
		n = m
		return n
	}
}

func rangeVar() {
	var k int
	s := []int{1, 2, 3}
	sinkInt = func() int {
		for k = range s {
		}
		return k
	}
}

func main() {
	swap()
	println(sink())
	opAssign()
	println(sinkInt())
	rangeVar()
	println(sinkInt())
}
