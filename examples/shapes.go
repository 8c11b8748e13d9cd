// Structs and methods: a value-receiver method computes, a pointer-receiver
// method modifies in place.
package main

type Rect struct {
	Width, Height int
}

func (r Rect) Area() int {
	return r.Width * r.Height
}

func (r Rect) Perimeter() int {
	return 2 * (r.Width + r.Height)
}

func (r *Rect) Scale(factor int) {
	r.Width *= factor
	r.Height *= factor
}

func main() {
	rects := []Rect{{3, 4}, {1, 1}, {10, 2}}
	total := 0
	for i := range rects {
		rects[i].Scale(2)
		println("rect", i, "area", rects[i].Area(), "perimeter", rects[i].Perimeter())
		total += rects[i].Area()
	}
	println("total area", total)
}
