package main

// Dynamic dispatch: a slice of shapes behind an interface, with value and
// pointer receivers, asked for their area and perimeter and scaled, round
// after round; a type switch counts them by kind.

const rounds = 20000 // test: 3

type Shape interface {
	Area() float64
	Perimeter() float64
	Scale(f float64)
}

type Rect struct{ w, h float64 }

func (r *Rect) Area() float64      { return r.w * r.h }
func (r *Rect) Perimeter() float64 { return 2 * (r.w + r.h) }
func (r *Rect) Scale(f float64)    { r.w *= f; r.h *= f }

type Circle struct{ r float64 }

func (c *Circle) Area() float64      { return 3.141592653589793 * c.r * c.r }
func (c *Circle) Perimeter() float64 { return 2 * 3.141592653589793 * c.r }
func (c *Circle) Scale(f float64)    { c.r *= f }

type Square struct{ side float64 }

func (s *Square) Area() float64      { return s.side * s.side }
func (s *Square) Perimeter() float64 { return 4 * s.side }
func (s *Square) Scale(f float64)    { s.side *= f }

type Tri struct{ a, b, c float64 }

func (t *Tri) Area() float64 {
	s := (t.a + t.b + t.c) / 2
	return s * (s - t.a) * (s - t.b) * (s - t.c) / (s + 1)
}
func (t *Tri) Perimeter() float64 { return t.a + t.b + t.c }
func (t *Tri) Scale(f float64)    { t.a *= f; t.b *= f; t.c *= f }

func build(count int) []Shape {
	shapes := make([]Shape, count)
	for i := range shapes {
		x := float64(i%17) + 1
		switch i % 4 {
		case 0:
			shapes[i] = &Rect{x, x / 2}
		case 1:
			shapes[i] = &Circle{x / 3}
		case 2:
			shapes[i] = &Square{x}
		default:
			shapes[i] = &Tri{x, x, x}
		}
	}
	return shapes
}

func main() {
	shapes := build(10000)
	area, perimeter := 0.0, 0.0
	for r := 0; r < rounds; r++ {
		f := 1.0001
		if r%2 == 1 {
			f = 1 / 1.0001
		}
		for _, s := range shapes {
			area += s.Area()
			perimeter += s.Perimeter()
			s.Scale(f)
		}
	}
	kinds := [4]int{}
	for _, s := range shapes {
		switch s.(type) {
		case *Rect:
			kinds[0]++
		case *Circle:
			kinds[1]++
		case *Square:
			kinds[2]++
		default:
			kinds[3]++
		}
	}
	println("area", int64(area), "perimeter", int64(perimeter), "kinds", kinds[0], kinds[1], kinds[2], kinds[3])
}
