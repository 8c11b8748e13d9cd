package main

// Method declaration and call errors.

type T struct{ m int }

func (t T) Get() int { return t.m }

func (t *T) Get() int { return 0 }

func (t T) m() {}

func (i int) Bad() {}

func make1() T { return T{} }

func (t *T) Set(v int) { t.m = v }

func main() {
	make1().Set(1)
	T{}.Set(2)
	var t T
	t.Set(3)
}
