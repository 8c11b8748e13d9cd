// gc's method wrappers for promoted methods (Go's fixedbugs/bug485.go):
// T.M and (*T).M for a method of an embedded field, by value and through an
// embedded pointer, made type by type with each type after the types it is
// made of (A's field Z before A), *T's methods before T's. A promoted
// pointer method of *T is a tail call: nothing to inline. A method with a
// function literal is not inlined into its wrappers (Go's
// fixedbugs/issue53702.go).
package main

type embedded string

func (s embedded) val() string { return string(s) }

type inner struct{ embedded }

type outer struct {
	inner
	embedded
}

type E struct{ v int }

func (e *E) Inc()        { e.v++ }
func (e E) Get() int     { return e.v }
func (e E) Self() *E     { return &e }
func (e *E) Ptr() *E     { return e }
func (e E) Name() string { return "E" }
func (e E) Twice() int {
	f := func() int { return e.v }
	return f() + f()
}

type T struct {
	E
	n int
}

type P struct{ *E }

type A struct{ z Z }

func (a A) Get() int { return a.z.v }

type Z struct{ v int }

func (z Z) Val() int { return z.v }

func main() {
	o := &outer{inner: inner{embedded: "a"}, embedded: "b"}
	var t T
	t.Inc()
	p := P{&t.E}
	println(o.val(), t.Get(), p.Get(), p.Ptr().v, t.Self().v, A{Z{1}}.Get(), Z{2}.Val(), t.Name(), p.Twice())
}
