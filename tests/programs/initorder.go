// Package initialization: variables in dependency order, not source order;
// init functions run after, in source order, before main.
package main

var a = b + c
var b = f("b", 1)
var c = f("c", 2)
var d = g()

var table = []int{a, b, c}

func f(name string, v int) int {
	println("init", name, v)
	return v
}

func g() int {
	println("init d from a", a)
	return a * 10
}

func init() {
	println("first init", a, d)
	a = 100
}

func init() {
	println("second init", a, len(table))
}

func main() {
	println("main", a, b, c, d, table[0])
}
