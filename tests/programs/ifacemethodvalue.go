package main

// Method values of interface methods: bound to the interface value when
// evaluated (a nil interface panics then), called later, stored, passed,
// escaping or not; through an interface embedded in a struct too. Also a
// regression: a converted constant argument (keep(V(5))) is boxed at its
// own position, as gc does, not at the call's.

type Counter interface {
	Add(n int) int
	Name() string
}

type C struct{ total int }

func (c *C) Add(n int) int { c.total += n; return c.total }
func (c *C) Name() string  { return "c" }

type V int

func (v V) Add(n int) int { return int(v) + n }
func (v V) Name() string  { return "v" }

type Holder struct {
	Counter
}

var saved func(int) int

func apply(f func(int) int, n int) int { return f(n) }

func keep(c Counter) {
	saved = c.Add
}

func main() {
	var c Counter = &C{}
	add := c.Add
	println(add(2), add(3), apply(c.Add, 4))
	c = V(10)
	println(add(1), c.Add(1))
	name := c.Name
	println(name())
	keep(V(5))
	println(saved(7))
	h := Holder{&C{total: 100}}
	f := h.Add
	println(f(1), h.Name())
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	var none Counter
	g := none.Add
	println("not reached", g(1))
}
