// Panics in flight form a chain, as in Go 1.19's runtime: a deferred call
// that panics while a panic unwinds links the new panic to the old one;
// recovering the new one drops the old one it unwound past; a deferred call
// after a recovery starts afresh. The chain left unrecovered prints oldest
// first, later ones indented, "[recovered]" on one a deferred call
// recovered before panicking again. minigo printed the newest panic only,
// glued to the old one (found by minigo-fuzz, seed 120281).
package main

var log string

func note(s string) { log += s + " " }

// A deferred call panics during a panic; an outer deferred call recovers
// the new panic, and the old one is gone with it.
func nested() {
	defer func() {
		r := recover()
		note("outer recovered " + r.(string))
		note("again " + str(recover()))
	}()
	defer func() {
		panic("B")
	}()
	panic("A")
}

func str(x interface{}) string {
	if x == nil {
		return "nil"
	}
	return x.(string)
}

// The other deferred calls of the frame still run after one panics.
func sameFrame() {
	defer func() {
		note("last sees " + str(recover()))
	}()
	defer func() {
		note("middle runs")
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

// A panic recovered inside a deferred call does not disturb the panic
// that is running it.
func inner() {
	defer func() {
		note("inner outer " + str(recover()))
	}()
	defer func() {
		func() {
			defer func() {
				note("inner caught " + str(recover()))
			}()
			panic("deep")
		}()
		note("deferred goes on")
	}()
	panic("top")
}

// After a recovery, a later deferred call of the frame that panics starts
// a new chain.
func afterRecovery() {
	defer func() {
		note("got " + str(recover()))
	}()
	defer func() {
		panic("C")
	}()
	defer func() {
		note("recovered " + str(recover()))
	}()
	panic("A2")
}

// A deferred call panics while the function returns normally.
func onReturn() (n int) {
	defer func() {
		if r := recover(); r != nil {
			n = 42
		}
	}()
	defer func() {
		panic("on return")
	}()
	return 1
}

func main() {
	nested()
	sameFrame()
	inner()
	afterRecovery()
	println(log)
	println(onReturn())
	defer func() {
		recover()
		panic("final")
	}()
	panic("first of two")
}
