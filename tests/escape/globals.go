// Package variables: function literals are functions of their own, analysed
// in source order; constants, literals and closures are laid out statically,
// and only the dynamic parts of an initializer allocate.
package main

var sink *int

func a(p *int) { sink = p }

var f = func(p *int) { sink = p }

func b(q *int) int { return *q }

func main() {
	x := 1
	f(&x)
	a(&x)
	println(b(&x), g(&x))
}

var n = 3

var Y interface{} = n

var g = func(q *int) int { return *q }

var m = 4

var s = make([]int, m)

func mk() *int { return new(int) }

var p = mk()

var ptrs = []*int{new(int), p}

func init() {
	println(len(s), *p, *ptrs[0], Y.(int))
}
