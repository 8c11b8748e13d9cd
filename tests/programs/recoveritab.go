package main

// recover() in a method called through an interface from a deferred call
// is not called by the deferred function: it returns nil even when the
// receiver is the deferred func value itself.

type F func()

func (f F) M() { println("recover in M:", recover() != nil) }

type I interface{ M() }

//go:noinline
func call(i I) { i.M() }

func run() {
	defer func() { println("recover in outer:", recover() != nil) }()
	var fn F
	fn = func() {
		call(fn)
	}
	defer fn()
	panic("x")
}

func main() {
	run()
}
