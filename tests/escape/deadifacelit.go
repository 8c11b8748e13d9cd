// The wrapper gc compiles for a method of an unnamed interface type takes
// its parameters' positions from the first literal of that type left
// after dead code removal: one inside `if false { ... }` does not count.
package main

type S struct{ a string }

func (s S) M(x S) bool { return s.a == x.a }

var gs = "x"

func f() {
	if false {
		println(interface{}(S{"x"}).(interface{ M(S) bool }).M(S{"y"}))
	}
}

func g(b bool) bool {
	if b {
		return true
	} else if false {
		return interface{}(S{"z"}).(interface{ M(S) bool }).M(S{"w"})
	}
	return false
}

func main() {
	f()
	println(g(true), g(false))
	println(interface{}(S{gs}).(interface{ M(S) bool }).M(S{"x"}))
}
