// Results assigned to interface-typed variables: a multi-value call is
// rewritten with temporaries as gc's typecheck rewrites it, and a comma-ok
// assertion's results are boxed (minigo failed to compile both: Go's
// issue53619.go; listed in the fuzzing issue).
package main

var a, b any = any(nil).(bool)

func f() (int, string) { return 1, "a" }

func main() {
	println(a == false, b == false, a != nil)
	var i, j any = any(nil).(bool)
	println(i == false, j == false)
	var x, y any = f()
	println(x == 1, y == "a")
	var m any = 5
	var v, ok any = m.(int)
	println(v == 5, ok == true)
	var e any
	v, ok = e.(int)
	println(v == 0, ok == false)
}
