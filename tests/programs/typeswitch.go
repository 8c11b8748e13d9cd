package main

// Type switches: single and multiple types per case, nil, default (also
// first), interfaces with methods as cases, the clause variable's type,
// break out of a labelled loop, closures capturing the variable.

type Shape interface{ Area() int }

type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

type Rect struct{ w, h int }

func (r *Rect) Area() int { return r.w * r.h }

type Named string

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return "int " + itoa(v)
	case int8, int16:
		_ = v
		return "small int"
	case string:
		return "string " + v
	case Named:
		return "named " + string(v)
	case Shape:
		return "shape " + itoa(v.Area())
	case error:
		return "error " + v.Error()
	case []int:
		return "slice " + itoa(len(v))
	case struct{ a, b int }:
		return "struct " + itoa(v.a+v.b)
	default:
		return "other"
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	if neg {
		s = "-" + s
	}
	return s
}

func kind(x interface{}) int {
	switch x.(type) {
	default:
		return 0
	case int, uint:
		return 1
	case *Rect:
		return 2
	}
}

func firstShape(xs []interface{}) int {
	n := 0
loop:
	for i, x := range xs {
		switch s := x.(type) {
		case Shape:
			n = i
			break loop
		case bool:
			if s {
				continue
			}
			break
		}
		n = -1
	}
	return n
}

func closures(xs []interface{}) int {
	var fs []func() int
	for _, x := range xs {
		switch v := x.(type) {
		case int:
			fs = append(fs, func() int { return v })
		case Shape:
			fs = append(fs, func() int { return v.Area() })
		}
	}
	total := 0
	for _, f := range fs {
		total += f()
	}
	return total
}

type E struct{}

func (E) Error() string { return "e" }

func main() {
	var shape Shape = Sq{3}
	vals := []interface{}{nil, 1, int8(2), int16(3), "s", Named("n"), shape, &Rect{2, 5}, E{}, []int{1, 2}, struct{ a, b int }{3, 4}, 2.5}
	for _, v := range vals {
		println(describe(v), kind(v))
	}
	println(firstShape([]interface{}{true, false, 1, Sq{1}, 2}))
	println(closures([]interface{}{1, Sq{2}, "x", &Rect{1, 1}}))
	var s Shape = &Rect{3, 3}
	switch r := s.(type) {
	case *Rect:
		r.w = 10
		println(s.Area())
	}
}
