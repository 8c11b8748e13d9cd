package main

// Deferred calls with arguments of every kind: builtins (print, println,
// panic, delete, copy, recover), interface method calls (a nil interface
// panics at the defer statement), variadic calls and slice literals in a
// loop (each deferred call keeps its own slice), values evaluated at the
// defer statement.

type T struct{ n int }

func (t *T) M(x int) { println("M", t.n, x) }
func (t T) V(s string) { println("V", t.n, s) }

type I interface{ M(x int) }

func sum(xs ...int) {
	total := 0
	for _, x := range xs {
		total += x
	}
	println("sum", len(xs), total)
}

func deferRecover() {
	defer func() { println("recovered outside:", recover() != nil) }()
	defer recover()
	panic("p1")
}

func nilInterface() {
	defer func() { println("nil interface recovered:", recover() != nil) }()
	var i I
	defer i.M(1)
	println("not reached")
}

func loop() {
	for i := 0; i < 3; i++ {
		defer sum(i, i*10)
		defer sum([]int{i, i + 1}...)
		var x I = &T{i}
		defer x.M(i * 100)
		defer println("loop", i)
	}
}

func mapAndSlices() {
	m := map[string]int{"a": 1, "b": 2}
	func() {
		defer delete(m, "a")
		println("before delete", len(m))
	}()
	println("after delete", len(m))
	a := []int{1, 2, 3}
	func() {
		defer copy(a, []int{7, 8})
		println("before copy", a[0], a[1], a[2])
	}()
	println("after copy", a[0], a[1], a[2])
}

func panics(p *int) {
	defer panic(*p)
	*p = 99
}

func main() {
	deferRecover()
	nilInterface()
	loop()
	mapAndSlices()
	x := 1
	defer println("x at defer", x, x+1)
	x = 100
	t := &T{7}
	defer t.V("value receiver")
	var i I = t
	defer i.M(x)
	defer print("print without newline\n")
	defer func() {
		println("main recovered:", recover().(int))
	}()
	y := 5
	panics(&y)
}
