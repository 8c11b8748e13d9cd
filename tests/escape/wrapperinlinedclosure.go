// The wrapper (*S).M inlines S.M and, with it, copies of the two function
// literals S.M calls where they are written; it inlines those calls too,
// so the copies are dead, and gc's escape analysis of the wrapper does not
// see them: it says nothing of their parameters x and y. minigo analysed
// the dead copies and reported "x does not escape" (found by minigo-fuzz,
// seed 800162).
package main

var n = 7
var s = "go"

type S struct{}

func (S) M() float64 {
	return func(x string, y string) float64 {
		return float64(n + len(x) + len(y))
	}(func() string {
		return s
	}(), string(rune(n)))
}

type Measurer interface{ M() float64 }

func main() {
	var m Measurer = &S{}
	println(m.M(), S{}.M())
}
