// len and cap of an array are constant only when the array expression has
// no function call (conversions are not calls), no receive and no builtin
// whose result is not constant; otherwise the expression is evaluated.
package main

var calls int

//go:noinline
func f() int {
	calls++
	return calls
}

var s = []int{1, 2, 3}

func try(name string, fn func()) {
	defer func() {
		if recover() != nil {
			println(name, "panicked")
		}
	}()
	fn()
	println(name, "ok")
}

func main() {
	n := len([2]int{f(), 0})
	println(n, calls)
	m := cap([2]int{1 + f(), 0})
	println(m, calls)
	const c = len([2]float64{float64(3), 0})
	println(c, calls)
	var p *[3]int
	println(len(p), cap(p))
	k := len([1]func() int{func() int { return f() }})
	println(k, calls)
	i := 5
	try("index", func() {
		println(len([1]int{s[i]}))
	})
	try("index+len", func() {
		println(len([1]int{s[i] + len(s)}))
	})
	try("index+constlen", func() {
		println(len([1]int{s[i] + len([4]int{})}))
	})
	try("index+call", func() {
		println(len([1]int{s[i] + f()}))
	})
	try("index+conversion", func() {
		println(len([1]int{s[i] + int(int8(i))}))
	})
	ch := make(chan int, 1)
	ch <- 7
	println(len([1]int{<-ch}), len(ch))
	println(calls)
}
