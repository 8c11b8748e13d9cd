// defer and recover: last-in first-out deferred calls, deferred closures
// changing named results, recovering from user panics and run-time errors
// raised deeper in the call stack, and an unrecovered panic that still runs
// the deferred calls of every frame before printing its message.
package main

func order() {
	for i := 0; i < 3; i++ {
		j := i
		defer func() { println("deferred", j) }()
	}
	println("order body done")
}

func double() (n int) {
	defer func() { n *= 2 }()
	n = 21
	return n
}

func index(xs []int, i int) int {
	return xs[i]
}

func safeIndex(xs []int, i int) (v int, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			v, ok = -1, false
		}
	}()
	return index(xs, i), true
}

func level2() {
	defer func() { println("level2 deferred") }()
	panic("deep trouble")
}

func level1() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = "recovered"
		}
	}()
	level2()
	return "not reached"
}

func noPanic() (r bool) {
	defer func() { r = recover() == nil }()
	return false
}

func main() {
	order()
	println("double:", double())
	xs := []int{10, 20, 30}
	println(safeIndex(xs, 1))
	println(safeIndex(xs, 5))
	println("level1:", level1())
	println("noPanic:", noPanic())
	defer func() { println("main deferred runs before the panic message") }()
	var p *int
	println(*p)
}
