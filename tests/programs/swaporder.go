// Tuple assignments are made pair by pair, as gc's walk (ascompatee)
// orders them: a value an earlier pair's assignment may change is read
// first, the others just before their target is written. So which
// index panics first, and which bounds checks a check before it proves,
// follow that order.
package main

type pair struct{ a, b int }

func swap(b []int, i, j int) {
	b[i], b[j] = b[j], b[i]
}

func rotate(b []int, i, j, k int) {
	b[i], b[j], b[k] = b[j], b[k], b[i]
}

func toLocal(b []int, i, j int) int {
	x := 0
	x, b[i] = b[j], x
	return x
}

func fields(p *pair, b []int, i int) {
	p.a, p.b = b[i], b[i+1]
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panics:", r.(error).Error())
		}
	}()
	f()
	println(name, "ok")
}

func main() {
	b := []int{10, 20, 30}
	try("swap in range", func() { swap(b, 0, 2) })
	println(b[0], b[1], b[2])
	try("swap both out", func() { swap(b, 5, 7) })
	try("swap first out", func() { swap(b, 4, 1) })
	try("swap second out", func() { swap(b, 1, 6) })
	try("rotate", func() { rotate(b, 0, 1, 2) })
	println(b[0], b[1], b[2])
	try("rotate out", func() { rotate(b, 3, 4, 5) })
	try("to local", func() { println(toLocal(b, 8, 9)) })
	try("to local ok", func() { println(toLocal(b, 0, 1)) })
	var p pair
	try("fields", func() { fields(&p, b, 1) })
	println(p.a, p.b)
	try("fields out", func() { fields(&p, b, 2) })
	c := []int{1, 2, 3}
	try("written first", func() { c[0], c[4] = c[5], c[1] })
	println(c[0], c[1], c[2])
	i, j := 1, 2
	i, j, b[i] = j, i, b[j]
	println(i, j, b[0], b[1], b[2])
}
