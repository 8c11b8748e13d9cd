// The arguments of a deferred call are evaluated one by one: gc's escape
// analysis rewrites `defer println(a, b)` into `x1 := a; x2 := b; defer
// func() { println(x1, x2) }()`, so a call in b runs only after all of a
// is evaluated, and not at all when a panics (found by minigo-fuzz, seed
// 1060145).
package main

var cs int
var z = 0

func f(x int) int {
	cs = cs*31 + x
	return x
}

//go:noinline
func g(x int) int {
	cs = cs*31 + x
	return x
}

func sink(a, b int) {}

func first() {
	defer func() { recover(); println("first", cs) }()
	defer println(f(1)%z, f(2))
}

func second() {
	defer func() { recover(); println("second", cs) }()
	defer println(f(1), f(2)%z, 3)
}

func noinline() {
	defer func() { recover(); println("noinline", cs) }()
	defer println(g(1)%z, g(2))
}

func call() {
	defer func() { recover(); println("call", cs) }()
	defer sink(f(1)%z, f(2))
}

func plain() {
	defer func() { recover(); println("plain", cs) }()
	println(f(1)%z, f(2))
}

func main() {
	first()
	cs = 0
	second()
	cs = 0
	noinline()
	cs = 0
	call()
	cs = 0
	plain()
}
