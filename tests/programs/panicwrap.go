package main

// A value method called through a nil pointer: gc's wrapper (*T).M panics
// with "value method main.T.M called using nil *T pointer" (runtime's
// panicwrap) before it would dereference the pointer; a method promoted
// from an embedded field dereferences it as usual.

type T struct{ a, b int }

func (t T) M() int { return t.a + t.b }

type Big struct{ x [20]int }

func (b Big) Sum() int { return b.x[0] + b.x[19] }

type E struct{ T }

type I interface{ M() int }

type S interface{ Sum() int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		println(name, "recovered:", ok, err.Error())
	}()
	f()
}

func main() {
	var p *T
	var i I = p
	try("T.M", func() { println(i.M()) })
	var b *Big
	var s S = b
	try("Big.Sum", func() { println(s.Sum()) })
	var e *E
	i = e
	try("E.M", func() { println(i.M()) })
	f := (*T).M
	try("method expression", func() { println(f(nil)) })
	i = &T{1, 2}
	println(i.M())
	i = p
	println(i.M())
}
