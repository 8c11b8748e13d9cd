// Nothing in this program escapes (go build -gcflags=-m says so), which is
// what makes the stack_allocation tests, which keep every allocation in the
// frame, sound.

package main

type T struct {
	a, b int
	s    string
}

func (t *T) sum() int { return t.a + t.b }

func (t T) twice() int { return 2 * (t.a + t.b) }

func local() int {
	p := &T{1, 2, "x"}
	q := new(T)
	q.a = 40
	return p.sum() + q.sum()
}

func slices() int {
	s := make([]int, 8)
	for i := range s {
		s[i] = i
	}
	t := []int{10, 20, 30}
	n := 0
	for _, v := range s {
		n += v
	}
	return n + t[2] + len(s)
}

func closures() int {
	x := 1
	add := func(k int) { x += k }
	add(5)
	add(10)
	get := func() int { return x * 2 }
	return get()
}

func methodValue() int {
	t := T{3, 4, "m"}
	f := t.twice
	t.a = 100
	return f()
}

func addrs() int {
	x := 5
	p := &x
	*p = 7
	arr := [4]int{1, 2, 3, 4}
	s := arr[1:3]
	s[0] = 50
	return x + arr[1]
}

func boxed() {
	var e interface{} = 42
	n, ok := e.(int)
	println(n, ok)
}

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func strs() int {
	b := []byte("hello")
	b[0] = 'j'
	s := string(b)
	println(s)
	return len(s)
}

func main() {
	for i := 0; i < 3; i++ {
		println(local(), slices(), closures(), methodValue(), addrs(), sum(1, 2, 3), strs())
	}
	boxed()
}
