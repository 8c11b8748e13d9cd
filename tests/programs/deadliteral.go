// gc compiles a function literal that captures variables only when walk
// meets its closure: one inlined where it is called is never compiled, so
// the checks and copies of its own body are not logged (those of its
// inlined copy are). A literal that captures nothing is compiled anyway.
package main

var gs = "hello"

type big struct{ a [20]int }

var table [4]big
var n uint = 3

//go:noinline
func captures(k uint) int {
	return func() int {
		b := table[k%4]
		return len(gs[:k%uint(len(gs)+1)]) + b.a[0]
	}()
}

//go:noinline
func capturesNothing() int {
	return func() int {
		b := table[n%4]
		return len(gs[:n%uint(len(gs)+1)]) + b.a[1]
	}()
}

func main() {
	println(captures(3), capturesNothing())
}
