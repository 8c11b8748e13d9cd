// Escape analysis across features: mutually recursive functions in one
// batch, method values, nested closures, defer, multiple results, string
// conversions, variadic interface arguments, loops with labels, append/copy.
package main

type Node struct {
	next *Node
	val  int
}

var sink interface{}
var gp *int

func even(n *Node, d int) *Node {
	if d == 0 {
		return n
	}
	return odd(n.next, d-1)
}

func odd(n *Node, d int) *Node {
	if d == 0 {
		return nil
	}
	return even(n, d-1)
}

type Buf struct {
	data []byte
	n    int
}

func (b *Buf) Write(p []byte) {
	b.data = append(b.data, p...)
	b.n += len(p)
}

func (b Buf) Len() int { return b.n }

func nested() int {
	x := 0
	f := func() func() int {
		return func() int {
			x++
			return x
		}
	}
	g := f()
	g()
	return g()
}

func deferred() (r int) {
	defer func() {
		r += 1
	}()
	r = 41
	return
}

func multi(p, q *int) (*int, *int) {
	return q, p
}

func strs(s string, b []byte) string {
	t := string(b) + s
	u := []byte(t)
	return string(u[:2])
}

func variadic(xs ...interface{}) int {
	return len(xs)
}

func loops() {
	var last *int
	for i := 0; i < 3; i++ {
		v := i
		last = &v
	}
	println(*last)
outer:
	for j := 0; j < 2; j++ {
		w := new(int)
		*w = j
		if j > 0 {
			gp = w
			break outer
		}
	}
}

func main() {
	n := &Node{val: 1}
	n.next = &Node{val: 2, next: n}
	println(even(n, 3) != nil)
	var b Buf
	b.Write([]byte("hello"))
	f := b.Write
	f([]byte("!"))
	g := b.Len
	println(g(), nested(), deferred())
	a, c := 1, 2
	x, y := multi(&a, &c)
	println(*x, *y)
	println(strs("xy", []byte("ab")))
	println(variadic(1, "a", n))
	loops()
	arr := [3]*int{&a, &c, nil}
	sink = arr
	s := make([]*int, 0, 4)
	s = append(s, &a)
	copy(s, []*int{&c})
	println(len(s))
}
