package main

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Name     string
}

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
}

func (r Rect) Area() int { return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y) }

type Counter struct{ n int }

func (c *Counter) Inc() int {
	c.n++
	return c.n
}

func makeRect(w, h int) Rect {
	return Rect{Max: Point{w, h}, Name: "r"}
}

func swap(a, b Point) (Point, Point) { return b, a }

type Node struct {
	val  int
	next *Node
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	println(p.X, q.X, p == q, p != q, p == Point{1, 2})
	r := p.Add(q)
	println(r.X, r.Y)
	r.Scale(3)
	println(r.X, r.Y)
	pp := &r
	pp.Scale(2)
	println(r.X, pp.Y)
	rect := makeRect(3, 4)
	println(rect.Area(), rect.Name, rect.Max.Y)
	a, b := swap(p, q)
	println(a.X, b.X)
	a, b = b, a
	println(a.X, b.X)
	c := &Counter{}
	c.Inc()
	inc := c.Inc
	inc()
	println(c.n, inc())
	area := rect.Area
	rect.Max.X = 100
	println(area(), rect.Area())
	var head *Node
	for i := 0; i < 5; i++ {
		head = &Node{i, head}
	}
	for n := head; n != nil; n = n.next {
		print(n.val, " ")
	}
	println()
	arrs := [3]Point{{1, 1}, {2, 2}}
	brrs := arrs
	println(arrs == brrs, arrs[1].Y)
	brrs[2].X = 1
	println(arrs == brrs)
	np := new(Point)
	np.Y = 7
	println(*np == Point{0, 7})
	ptrs := []*Point{&p, &q}
	for _, x := range ptrs {
		x.X++
	}
	println(p.X, q.X)
}
