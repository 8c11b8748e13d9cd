// Errors are reported at the positions line directives give (Go's
// fixedbugs/issue24339.go): a directive without a column drops it.
package main

var _ = struct{}{ /*line :20:1*/foo /*line :21:1*/: /*line :22:1*/0 }

//line parse.y:40
func f() int {
	return "x"
}

func main() {
	var s string = /*line lex.y:7:3*/ f()
	_ = s
}
