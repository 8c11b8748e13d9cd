// A literal copied into the package initializer by inlining is the
// initializer's first closure, init.func1: the package literals
// (glob..funcN) are not closures of the initializer (minigo counted them
// and named it init.func4; found by minigo-fuzz, seeds 120005 and 120071).
package main

var gs = "go"
var cs int

var a = func() int { cs++; return 1 }
var b = func() int { cs += 2; return 2 }()

var h = func() string {
	return func() string {
		return "x" + gs
	}()
}()

func main() {
	println(a(), b, h, cs)
}
