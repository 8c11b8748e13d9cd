package main

// Interfaces with methods: value and pointer receivers, embedded
// interfaces, methods promoted from embedded fields, assertions to
// interfaces and concrete types, comparisons, error.

type Shape interface {
	Area() int
	Perimeter() int
}

type Named interface {
	Name() string
}

type NamedShape interface {
	Shape
	Named
}

type Rect struct{ w, h int }

func (r Rect) Area() int      { return r.w * r.h }
func (r Rect) Perimeter() int { return 2 * (r.w + r.h) }
func (r Rect) Name() string   { return "rect" }

type Square struct{ side int }

func (s *Square) Area() int      { return s.side * s.side }
func (s *Square) Perimeter() int { return 4 * s.side }
func (s *Square) Name() string   { return "square" }
func (s *Square) Grow()          { s.side++ }

type Label struct{ text string }

func (l Label) Name() string { return l.text }

// Tagged gets Name from Label and Area, Perimeter from *Square.
type Tagged struct {
	Label
	*Square
}

type Counter int

func (c Counter) Name() string {
	if c > 1 {
		return "many"
	}
	return "few"
}

type Ptr struct{ p *int }

func (p Ptr) Area() int      { return *p.p }
func (p Ptr) Perimeter() int { return 0 }

type BadInput struct{ field string }

func (e *BadInput) Error() string { return "bad input: " + e.field }

func check(s string) error {
	if s == "" {
		return &BadInput{"empty"}
	}
	return nil
}

//go:noinline
func describe(s Shape) int {
	n := s.Area() + s.Perimeter()
	if named, ok := s.(Named); ok {
		println(named.Name(), n)
	} else {
		println("unnamed", n)
	}
	return n
}

func sum(shapes []Shape) int {
	total := 0
	for _, s := range shapes {
		total += describe(s)
	}
	return total
}

func main() {
	x := 5
	sq := &Square{3}
	shapes := []Shape{Rect{2, 3}, sq, Tagged{Label{"tag"}, &Square{2}}, Ptr{&x}}
	println(sum(shapes))
	sq.Grow()
	println(shapes[1].Area())

	var ns NamedShape = Rect{1, 1}
	var s Shape = ns
	var n Named = ns
	println(s.Area(), n.Name())

	var c Named = Counter(3)
	println(c.Name(), Counter(1).Name())

	if r, ok := s.(Rect); ok {
		println("rect", r.w, r.h)
	}
	if _, ok := s.(*Square); !ok {
		println("not a square")
	}
	var any interface{} = sq
	if named, ok := any.(Named); ok {
		println("any named", named.Name())
	}
	if _, ok := any.(Shape); ok {
		println("any shape")
	}
	var none Shape
	_, ok := none.(Named)
	println("nil named", ok, none == nil)

	println(s == Shape(Rect{1, 1}), s == shapes[0], shapes[1] == Shape(sq), n != nil)

	if err := check(""); err != nil {
		println(err.Error())
	}
	println(check("x") == nil)
	var e error = &BadInput{"x"}
	var e2 error = e
	println(e == e2)
}
