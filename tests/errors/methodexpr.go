// Method expressions gc rejects: a pointer method on a value type (own or
// promoted), a field, an ambiguous promoted method, a missing name.
package main

type E struct{ v int }

func (e E) Get() int { return e.v }
func (e *E) Inc()    { e.v++ }

type T struct {
	n int
	E
}

type A struct{ E }
type B struct{ E }
type X struct {
	A
	B
}

func main() {
	_ = E.Inc
	_ = T.Inc
	_ = T.Nope
	_ = T.n
	_ = X.Get
	_ = T.v
}
