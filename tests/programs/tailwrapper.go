// A pointer method promoted into *T is a tail call in gc's wrapper: nothing
// is inlined, escape analysis sees the call, so a parameter the method leaks
// leaks from the wrapper too, while the results go nowhere (minigo-fuzz
// seed 660116).
package main

var gs string

type E struct{ v int }

func (e *E) Keep(s string) string {
	gs, s = s, gs
	return s
}

func (e *E) Self() *E { return e }

type T struct {
	n int
	E
}

func main() {
	t := &T{1, E{2}}
	println(t.Keep("a"), t.Keep("b"), t.Self().v)
}
