package main

// Nil checks and evaluation order: a dereference known to have been
// checked makes later ones in the same expression needless, but not those
// in operands gc's order pass evaluates first (calls, len, &&), which must
// still panic recoverably. A call through an interface checks its itab once.

type T struct{ a, b int }

type I interface{ M() int }

func (t *T) M() int { return t.a }

//go:noinline
func get(p *T) int { return p.b }

func sum(p *T) int { return p.a * p.b }

func early(p *T) int { return p.a + get(p) }

func short(p *T, q *T) bool { return p.a > 0 && q.b > 0 }

func calls(i I) int { return i.M() + i.M() }

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "recovered:", r.(error).Error())
		}
	}()
	println(name, f())
}

func main() {
	t := &T{2, 3}
	try("sum", func() int { return sum(t) })
	try("sum nil", func() int { return sum(nil) })
	try("early nil", func() int { return early(nil) })
	try("short nil", func() int {
		if short(t, nil) {
			return 1
		}
		return 0
	})
	try("calls", func() int { return calls(t) })
	try("calls nil", func() int { return calls(nil) })
}
