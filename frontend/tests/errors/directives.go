package main

// A pragma gc knows but that reaches no function is misplaced; an unknown
// //go: directive is ignored.

//go:noinline
var x = 1

//go:unknowndirective
func f() int { return x }

func main() {
	//go:nosplit
	println(f())
}
