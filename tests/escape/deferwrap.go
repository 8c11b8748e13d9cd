// gc analyses a deferred method call, or a deferred call of a function with
// parameters or results, as a closure made at the defer statement that
// captures its operands in temporaries (.autotmp_N): in a loop the closure
// escapes, and so does what its temporaries point to when the callee leaks
// it. minigo did not analyse such operands (found by minigo-fuzz, seed 91000).
package main

var cs int
var keep *T

type T struct{ a, b, c int }

type Big struct{ x [20]int }

func (t T) M() int   { cs += t.a; return t.b }
func (t *T) P() T    { cs += t.c; return *t }
func (t *T) Keep()   { keep = t }
func (b Big) Sum() int {
	s := 0
	for _, v := range b.x {
		s += v
	}
	cs += s
	return s
}

func results() (int, string) { cs++; return 1, "x" }

func loops() {
	for i := 0; i < 3; i++ {
		t := T{i, i, i}
		defer t.M()
		defer t.P()
		defer results()
	}
	u := T{1, 2, 3}
	for j := 0; j < 2; j++ {
		defer u.Keep()
	}
}

func closures() {
	fv := func() int { cs += 5; return 5 }
	defer fv()
	defer func() int { cs += 7; return 7 }()
	var b Big
	b.x[3] = 4
	defer b.Sum()
	g := func() {
		t := &T{9, 9, 9}
		defer t.P()
		for k := 0; k < 2; k++ {
			defer T{k, 0, 0}.M()
		}
	}
	g()
}

func main() {
	loops()
	closures()
	println(cs, keep.a)
}
