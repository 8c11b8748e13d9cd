// A function literal called where it is written is inlined, and gc never
// analyses the literal left dead: the variables it used are not captured,
// so a dereference in its inlined body proves the pointer for what follows
// (its nil check goes), as in the function itself.
package main

type T struct {
	names [20]string
	n     int
}

var total int

//go:noinline
func rangeAfter(t *T) {
	total = total*31 + func(k int) int {
		return t.n + k
	}(2)
	for _, s := range (*t).names {
		total += len(s)
	}
}

//go:noinline
func fieldAfter(t *T, p *int) int {
	v := func() int { return *p }()
	return v + t.n + *p
}

//go:noinline
func byReference(t *T) int {
	count := 0
	f := func() {
		count += t.n
	}
	f()
	f()
	t = &T{n: 5}
	return count + t.n
}

func main() {
	t := &T{names: [20]string{"a", "bc"}, n: 3}
	rangeAfter(t)
	n := 4
	println(total, fieldAfter(t, &n), byReference(t))
}
