package main

// gc 1.19's wrappers of deferred calls: operands copied to .autotmp_N
// temporaries (a slice literal's elements, not the literal), the recover
// frame pointer, an interface's method call, builtins, and the escape of
// each in and out of loops.

type I interface{ M(p *int) }

type T struct{ p *int }

func (t *T) M(p *int) { t.p = p }

var sink interface{}

func f(xs ...*int) {}

func g(p *int) *int { return p }

func h(s []*int, i I) {
	defer f(new(int), new(int))
	defer f([]*int{new(int)}...)
	defer g(new(int))
	defer i.M(new(int))
	defer println(len(s), *s[0])
	defer copy(s, []*int{new(int)})
	defer panic(new(int))
	defer recover()
	for j := 0; j < 2; j++ {
		defer f(new(int))
		defer print(*new(int))
		defer i.M(nil)
	}
}

func main() {
	defer func() { println(" recovered", *recover().(*int)) }()
	x := 1
	h([]*int{&x}, &T{})
}
