// Comparing interface{} values: dynamic types first, then values (strings
// by content, floats as floats, pointers by address, structs field by
// field); comparing slices held in interfaces panics.
package main

type point struct{ x, y int }

type box struct{ p *int }

func main() {
	a, b := 1, 1
	var x, y interface{} = &a, &a
	println(x == y, interface{}(&a) == interface{}(&b))
	s1 := "go" + "pher"
	var u, v interface{} = s1, "gopher"
	println(u == v, u != v)
	var f, g interface{} = 0.5, 0.5
	println(f == g, f == interface{}(float32(0.5)))
	var p, q interface{} = point{1, 2}, point{1, 2}
	println(p == q, p == interface{}(point{2, 1}))
	var m, n interface{} = box{&a}, box{&a}
	println(m == n, m == interface{}(box{&b}))
	var i8, i64 interface{} = int8(3), int64(3)
	println(i8 == i64, i8 == interface{}(int8(3)))
	var e1, e2 interface{}
	println(e1 == e2, e1 == x)
	var s, t interface{} = []int{1}, []int{1}
	println(s == t)
}
