package main

type T struct{ x int }

func (t *T) step(i int) int {
	if i%3 == 0 {
		t.x += i
	}
	return t.x
}

func small(a, b int) int { return a*b + 1 }

func work(n int) int {
	t := &T{}
	s := 0
	for i := 0; i < n; i++ {
		s += t.step(i)
		s += small(i, s) & 7
		f := func(k int) int { return k ^ i }
		s = f(s) % 1000003
	}
	return s
}

func main() {
	total := 0
	for r := 0; r < 40; r++ {
		total += work(5000000)
	}
	println(total)
}
