// Method expressions and calls of promoted methods: T.M and (*T).M of a
// method of an embedded field are gc's wrappers, and a pointer method
// promoted through an embedded pointer can be called on a value that is not
// addressable.
package main

type E struct{ v int }

func (e E) Get() int { return e.v }
func (e *E) Inc()    { e.v++ }

type T struct {
	n int
	E
}

type P struct{ *E }

func mk(e *E) P { return P{e} }

func main() {
	t := T{1, E{5}}
	f := T.Get
	g := (*T).Inc
	h := (*T).Get
	g(&t)
	println(f(t), h(&t), t.Get())
	e := &E{}
	P{e}.Inc()
	mk(e).Inc()
	inc := P.Inc
	inc(P{e})
	get := (*P).Get
	println(e.v, get(&P{e}))
}
