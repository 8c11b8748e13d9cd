package main

// A bounds check between constants that always fails is an unconditional
// panic in gc's SSA: the checks after it are dead, and none is logged.

type point struct{ x, y int }

func at(s []int, i int, p *point) int {
	_ = s[i]
	return p.x + s[i-1]
}

func window(s []int, p *point) int {
	s = s[:4]
	return s[p.y] + p.x
}

func asArray(s []int, p *point) int {
	a := (*[3]int)(s)
	return a[2] + p.y
}

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panicked:", r.(error).Error())
		}
	}()
	println(name, f())
}

func main() {
	p := &point{1, 2}
	try("at 1", func() int { return at(make([]int, 2), 1, p) })
	try("at 3", func() int { return at(make([]int, 2), 3, p) })
	try("window", func() int { return window(make([]int, 5), p) })
	try("window short", func() int { return window(make([]int, 2, 3), p) })
	try("asArray", func() int { return asArray(make([]int, 3), p) })
	try("asArray short", func() int { return asArray(make([]int, 2), p) })
}
