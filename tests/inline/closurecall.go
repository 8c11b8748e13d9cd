// Calling at once a closure returned by an inlined call: gc inlines both
// calls, runs the maker's inlined body first (CalleeEffects, golang/go#42703)
// and copies the literal as it was when the maker's body was saved.
// Found by minigo-fuzz: minigo dropped the maker's body, so the closure
// read captured variables that were never assigned.
package main

var cs uint64
var g0 = 7

func mk(d int) func(int) int { return func(x int) int { return x + d } }

func fi(f float64) int64 { return int64(f * 1000) }

func mk7(a uint8) func() uint8 {
	cs = cs*31 + uint64(a)
	return func() uint8 {
		return uint8(fi(-2.75 / float64(g0)))
	}
}

func main() {
	println(mk(-2)(2))
	h := mk
	println(h(5)(1))
	println(func() func() int { d := 3; return func() int { return d } }()())
	for i := 0; i < 3; i++ {
		h7 := mk7
		v := h7(uint8(g0) / 3)()
		cs = cs*31 + uint64(v)
	}
	println(cs)
}
