// A call's results assigned to variables of another (interface) type go
// through temporaries, converted where building the statement left the
// noder's position: after the right side and then the left side (Go's
// escape_param.go), or after the values of a var declaration. (At package
// level, `var a, b interface{} = f()` is an internal compiler error in Go
// 1.19: "unexpected package-level statement".)
package main

var sink, other interface{}

//go:noinline
func pair(p, q *int) (*int, *int) {
	return p, q
}

//go:noinline
func vals(a, b int) (int, int) {
	return a, b
}

func main() {
	i, j := 0, 1
	sink, _ = pair(&i, &j)
	var x, y interface{} = vals(i, j)
	other, sink = vals(3, j)
	println(x != nil, y != nil, sink != nil, other != nil)
}
