// `return f()` of a call with several results is, after gc's typecheck
// (RewriteMultiValueCall), `t1, t2 := f(); return t1, t2`: inline costs
// count the temporaries (Go's fixedbugs/issue4518.go; minigo's costs were 9
// lower, listed in issue 13).
package main

//go:noinline
func F(x interface{}) (int, int) {
	return 3, 7
}

func bogus1(d interface{}) (int, int) {
	switch {
	default:
		return F(d)
	}
	return 0, 0
}

func pair() (a interface{}, b int) {
	return F(nil)
}

func main() {
	x, y := bogus1(4)
	a, b := pair()
	println(x, y, a.(int), b)
}
