// Package initialization follows references through methods: a call
// T(0).M(), a method expression T.M and a method value t.M all make the
// variable depend on what M uses (the spec's "references"; Go's
// test/fixedbugs/bug446.go). minigo ignored methods and initialized the
// variables in declaration order.
package main

type T int

func (r T) Method1() int  { return a }
func (r T) Method2() int  { return b }
func (r *T) Method3() int { return c + int(*r) }

var t T

var dummy1 = T(0).Method1()
var dummy2 = T.Method2(0)
var dummy3 = f3()
var mv = t.Method1

var a = identity(1)
var b = identity(2)
var c = identity(3)

func f3() int { return (*T).Method3(&t) }

func identity(a int) int { return a }

func main() {
	println(dummy1, dummy2, dummy3, mv())
}
