// gc's deadcode folds && and || with a constant left operand; the folded
// node must leave the tree (minigo's debug verifier saw the kept operand
// with two parents: found by minigo-fuzz).
package main

var g0 = 7
var gs = "go"

func f(s string) bool {
	return g0 > 2 && (false || s != "x")
}

func g(s string) bool {
	return (true && s == "go") || (false && g0 == 1)
}

func main() {
	println(f(gs), f("x"), g(gs), g("no"))
	if (false || gs != gs) && g0 > 0 {
		println("unreachable")
	}
}
