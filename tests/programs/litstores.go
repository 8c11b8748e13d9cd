package main

// gc's rules forward what a store put behind a pointer to a new struct
// literal to a load past at most 3 other stores, and the literal's
// zeroing past at most 4; a slice or string is one store, or one per
// part (length first) once a value before it made a new block.

type scanner struct {
	src []byte
	pos int
}

type stack struct {
	items []int
	name  string
}

type stack2 struct {
	items []int
	n     int
}

type stack3 struct {
	items []byte
	name  string
}

type wide struct {
	a, b, c, d int
	s          []int
}

func next(sc *scanner) int {
	_ = sc.src[sc.pos]
	sc.pos++
	return int(sc.src[sc.pos])
}

func zeroPos() int {
	sc := &scanner{src: []byte("ab")}
	_ = sc.src[sc.pos]
	sc.pos++
	return int(sc.src[sc.pos])
}

func storedPos() int {
	sc := &scanner{src: []byte("abc"), pos: 1}
	_ = sc.src[sc.pos]
	sc.pos++
	return int(sc.src[sc.pos])
}

func posFirst() int {
	sc := &scanner{pos: 1, src: []byte("abc")}
	return int(sc.src[sc.pos+1])
}

func intAfter() int {
	st := &stack2{items: []int{4, 5, 6}, n: 1}
	return st.items[2]
}

func alone() int {
	st := &stack{items: []int{4, 5, 6}}
	return st.items[2]
}

func converted() int {
	st := &stack3{items: []byte("abc"), name: "s"}
	return int(st.items[2])
}

func sliceLast() int {
	st := &stack{name: "s", items: []int{4, 5, 6}}
	return st.items[2]
}

func stringAfter() int {
	st := &stack{items: []int{4, 5, 6}, name: "s"}
	return st.items[2]
}

func bytesThenString() int {
	st := &stack3{items: []byte{1, 2, 3}, name: "s"}
	return int(st.items[2])
}

func literalBytes() int {
	return next(&scanner{src: []byte{1, 2}})
}

func fourAfter() int {
	w := &wide{s: []int{1, 2, 3}, a: 1, b: 2, c: 3, d: 4}
	return w.s[2]
}

func threeAfter() int {
	w := &wide{s: []int{1, 2, 3}, a: 1, b: 2, c: 3}
	return w.s[2] + w.d
}

func zeroPastFour(i int) int {
	w := &wide{a: 1, b: 2, c: 3, d: 4, s: []int{1, 2, 3}}
	t := []int{1}
	return t[w.b-w.a] + i
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
	println(zeroPos(), storedPos(), posFirst(), intAfter(), alone(), converted(), sliceLast())
	println(stringAfter(), bytesThenString(), literalBytes())
	println(fourAfter(), threeAfter())
	try("zeroPastFour", func() int { return zeroPastFour(1) })
	try("next", func() int { return next(&scanner{src: []byte("ab")}) })
	try("next end", func() int { return next(&scanner{src: []byte("ab"), pos: 1}) })
}
