package main

// A function literal in a switch clause dead code removal drops is never
// compiled, but gc 1.19 still devirtualizes the interface calls in it
// (it stays among the package's declarations), and says so.

type S struct{ n int }

func (s S) M() int { return s.n }

var g = 3

func f() int {
	switch {
	case true:
	case g > 1:
		return func() int {
			return interface{ M() int }(S{g}).M()
		}()
	}
	return 0
}

func main() {
	println(f())
}
