// gc's escape analysis rewrites a variadic call (its extra arguments become
// one slice, "... argument") when it walks the call: an explanation printed
// before that, as a concatenation's flow straight to the heap is, shows the
// call as written (found by minigo-fuzz, seed 200557).
package main

var sink func(uint64, string)

//go:noinline
func f(x string, b []bool, rest ...int) string {
	if len(rest) > 1 && len(b) > 0 {
		return x
	}
	return "!"
}

func main() {
	a := "go"
	sink = func(n uint64, s string) { println(n, s) }
	h := sink
	h(9<<11, a+a+f(a, make([]bool, 2), -128, -4))
	println(f(a, nil, 1) + a)
}
