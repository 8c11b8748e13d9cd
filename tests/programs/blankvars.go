// Several blank package variables: each initializer runs, in order; the
// backend gave them all one symbol (Go's bug264.go and issue22326.go).
package main

var _ = f()
var _ = f()
var _, _ = f(), f()

var n int

func f() int { n++; println("init", n); return n }

func main() { println(n) }
