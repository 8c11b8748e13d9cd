// interface{}: boxing of basic values, comparison, type assertions with
// and without the comma-ok form, and a failing assertion's panic.
package main

func describe(v interface{}) {
	if n, ok := v.(int); ok {
		println("int", n)
		return
	}
	if s, ok := v.(string); ok {
		println("string", s)
		return
	}
	if _, ok := v.(bool); ok {
		println("bool")
		return
	}
	println("other", v == nil)
}

func main() {
	var e interface{}
	describe(e)
	e = 7
	describe(e)
	e = "seven"
	describe(e)
	e = true
	describe(e)
	e = 7.5
	describe(e)

	var a, b interface{} = 3, 3
	println(a == b, a != interface{}(4), a == interface{}("3"))
	s := e.(float64)
	println(s)
	var n interface{} = 10
	println(n.(int) + 1)
	println(n.(string))
}
