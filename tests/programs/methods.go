// Structs and methods: value and pointer receivers, embedded-free
// composition, struct copies and comparison, method values.
package main

type Point struct {
	X, Y int
}

func (p Point) Add(q Point) Point {
	return Point{p.X + q.X, p.Y + q.Y}
}

func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
}

type Rect struct {
	Min, Max Point
	Name     string
}

func (r Rect) Area() int {
	return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)
}

func (r *Rect) Grow(d int) {
	r.Min.X -= d
	r.Min.Y -= d
	r.Max.X += d
	r.Max.Y += d
}

type Counter struct {
	n int
}

func (c *Counter) Inc() int {
	c.n++
	return c.n
}

func main() {
	p := Point{1, 2}
	q := p.Add(Point{X: 10})
	println(q.X, q.Y)
	q.Scale(3)
	println(q.X, q.Y)
	pp := &p
	pp.Scale(2)
	println(p.X, p.Y, pp.Add(p).X)

	r := Rect{Min: Point{0, 0}, Max: Point{4, 3}, Name: "r"}
	println(r.Area(), r.Name)
	r2 := r
	r2.Grow(1)
	println(r.Area(), r2.Area(), r == r2, r.Min == Point{})

	var c Counter
	inc := c.Inc
	inc()
	inc()
	println(c.n, c.Inc())

	area := r2.Area
	r2.Grow(10)
	println(area(), r2.Area())

	ptr := new(Rect)
	ptr.Max = Point{2, 2}
	println(ptr.Area(), (*ptr).Name == "")
}
