package main

// Loop conditions holding inlined calls (with bodies, labels and locals of
// their own), a directly called function literal and a short-circuit: the
// backend emits a condition twice, before the loop and at its bottom.

func sq(x int) int {
	y := x * x
	return y
}

type T struct{ n int }

func (t *T) more(k int) bool { t.n++; return k < 5 }

func main() {
	t := &T{}
	s := 0
	for i := 0; sq(i) < 50 && t.more(i); i++ {
		p := &T{i}
		s += p.n
		if i == 2 {
			continue
		}
		s += sq(i)
	}
	var xs []int
	for j := len(xs); j < 3 || func() bool { s++; return false }(); j++ {
		xs = append(xs, j)
	}
	println(s, t.n, len(xs))
}
