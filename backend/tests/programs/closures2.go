package main

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return f(g(x)) }
}

func double(x int) int { return x * 2 }

type Op func(int, int) int

func fib() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func named() (x int, s string) {
	x = 5
	defer_free := func() { x *= 2 }
	defer_free()
	s = "ok"
	return
}

func pair() (int, string) { return 7, "seven" }

func show(n int, s string) { println("show", n, s) }

var global = counter()

var table = []Op{func(a, b int) int { return a + b }, func(a, b int) int { return a * b }}

func init() {
	println("init", global(), global())
}

func main() {
	c1, c2 := counter(), counter()
	println(c1(), c1(), c2(), c1())
	f := compose(double, func(x int) int { return x + 1 })
	println(f(5))
	g := double
	println(g(21))
	var fs []func() int
	for i := 0; i < 3; i++ {
		j := i
		fs = append(fs, func() int { return j * 10 })
	}
	for _, h := range fs {
		print(h(), " ")
	}
	println()
	nx := fib()
	for i := 0; i < 10; i++ {
		print(nx(), " ")
	}
	println()
	q, r := divmod(17, 5)
	println(q, r)
	nv, ns := named()
	println(nv, ns)
	show(pair())
	n, s := pair()
	println(n, s)
	println(table[0](3, 4), table[1](3, 4), global())
	sum := 0
	add := func(k int) { sum += k }
	for k := 1; k <= 4; k++ {
		add(k)
	}
	println(sum)
}
