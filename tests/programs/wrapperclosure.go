// A wrapper inlines its method unless gc's walk left closures in the method
// (issue 53702's fix): a literal called where it is written and inlined
// there is gone; one that captures nothing becomes a global function; one
// that captures variables, or a direct call not inlined, stays (Go's
// closure6.go; minigo-fuzz seed 620020).
package main

var g = 3

type T struct{ n int }

func (t T) Direct() int {
	return func() int { return g + 1 }()
}

func (t T) Captures() int {
	f := func(q int) bool { return q >= t.n }
	if f(3) {
		return 1
	}
	return 0
}

func (t T) Trivial() int {
	f := func(q int) int { return q * 2 }
	return f(t.n)
}

func (t T) NotInlined() int {
	return func() int {
		s := 0
		for i := 0; i < g; i++ {
			for j := 0; j < i; j++ {
				s += i*j + g%(j+1)
			}
			s ^= s << 1
			s += i*i + i*3 + g
			s -= i / (g + 1)
		}
		return s
	}()
}

func main() {
	t := &T{2}
	println(t.Direct(), t.Captures(), t.Trivial(), t.NotInlined())
}
