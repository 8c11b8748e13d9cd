package main

// Results a recovering function returns after a panic unwound it: scalars,
// a large struct (returned through the caller's memory), results captured
// by the deferred closure (heap cells), with many values live around the
// panic so that the register allocator spills.

type big struct {
	a, b, c, d, e int
	s          string
}

func work(n int) (r big, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			r.s = v.(string)
			ok = false
		}
	}()
	x1, x2, x3, x4, x5, x6, x7, x8 := n, n*2, n*3, n*4, n*5, n*6, n*7, n*8
	r = big{x1 + x2, x3 + x4, x5 + x6, x7 + x8, x1 * x8, "set"}
	ok = true
	if n%2 == 1 {
		panic("odd")
	}
	r.e += x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8
	return r, ok
}

func count(n int) (c int) {
	defer func() {
		recover()
		c *= 10
	}()
	for i := 0; i < n; i++ {
		c++
		if i == 3 {
			var m map[string]int
			m["x"] = i
		}
	}
	return c
}

func main() {
	for n := 1; n <= 4; n++ {
		r, ok := work(n)
		println(r.a, r.b, r.c, r.d, r.e, r.s, ok)
	}
	println(count(2), count(10))
}
