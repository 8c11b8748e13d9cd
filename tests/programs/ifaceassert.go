package main

// The messages of failed type assertions on interfaces with methods, read
// back through recover as errors, and a call through a nil interface.

type I interface{ M() int }

type J interface {
	M() int
	N()
}

type T struct{ v int }

func (t T) M() int { return t.v }

type U struct{}

func (*U) M() int { return 0 }

func try(name string, f func()) {
	defer func() {
		if e, ok := recover().(error); ok {
			println(name+":", e.Error())
		}
	}()
	f()
}

func main() {
	var i I = T{1}
	var none I
	var e interface{} = T{2}
	try("I2T", func() { _ = i.(*U) })
	try("nil I2T", func() { _ = none.(T) })
	try("I2I", func() { _ = i.(J) })
	try("nil I2I", func() { _ = none.(J) })
	try("E2I", func() { _ = e.(J) })
	try("E2T", func() { _ = e.(*U) })
	if j, ok := i.(J); !ok && j == nil {
		println("comma-ok I2I", ok)
	}
	if t, ok := i.(T); ok {
		println("comma-ok I2T", t.v)
	}
	println(none.M())
}
