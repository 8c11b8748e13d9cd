package main

// A deferred call whose callee or receiver makes a call: gc's typecheck
// first stores that expression in a temporary in the call's init
// (RewriteNonNameCall), which escape analysis walks before the defer
// wrapper's own temporaries, so its allocations are listed first.

type S2 struct {
	f0 [20]int64
	f3 uint8
}

func (s S2) M34(f func() uint8) int16 {
	v := int16(s.f0[0]) + int16(f()) + int16(s.f3)
	println("M34", v)
	return v
}

type T struct{ n int }

//go:noinline
func g() uint8 { return 3 }

//go:noinline
func mk(t *T) func(int) {
	return func(x int) { println("mk", t.n, x) }
}

func devirtualized() {
	for i := 0; i < 3; i++ {
		defer interface{ M34(func() uint8) int16 }(S2{f0: [20]int64{1, 2}, f3: g()}).M34(func() uint8 { return uint8(i) })
	}
}

func calledCallee() {
	for i := 0; i < 2; i++ {
		defer mk(&T{i})(i + 10)
	}
	defer mk(&T{7})(int(g()))
}

func main() {
	devirtualized()
	calledCallee()
}
