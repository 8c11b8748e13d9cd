package main

// Copies of arrays and the nil check before them: gc copies an array of
// more than one element with a block move, which faults on nil and so
// drops the check, only when it may not overlap (ssa.IsInlinableMemmove:
// at most 16 bytes, or less than 1024 between a stack slot and a stack
// slot, a global or a pointer parameter); otherwise it calls memmove and
// the check stays.

type S struct {
	f0 [8]uint32
	f1 uint
}

type Big struct{ a [200]int }

var global [6]int
var gp *[6]int = &global

//go:noinline
func fieldOfParam(s *S) uint32 {
	t := uint32(0)
	for _, e := range (*s).f0 {
		t += e
	}
	return t
}

//go:noinline
func fieldOfLoaded(ss []*S) uint32 {
	t := uint32(0)
	for _, e := range ss[0].f0 {
		t += e
	}
	return t
}

//go:noinline
func fromGlobalPointer() int {
	a := *gp
	return a[5]
}

//go:noinline
func intoPointer(p *[6]int, q *[6]int) {
	*p = *q
}

//go:noinline
func bigCopy(b *Big) int {
	c := b.a
	return c[199]
}

//go:noinline
func mapValue() map[int][3]int {
	return map[int][3]int{1: {4, 5, 6}, 2: {7, 8, 9}}
}

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panics:", r.(error).Error())
		}
	}()
	println(name, f())
}

func main() {
	s := &S{f0: [8]uint32{1, 2, 3}}
	global[5] = 9
	var x [6]int
	intoPointer(&x, &global)
	b := &Big{}
	b.a[199] = 4
	println(fieldOfParam(s), fieldOfLoaded([]*S{s}), fromGlobalPointer(), x[5], bigCopy(b), mapValue()[2][1])
	try("fieldOfParam", func() int { return int(fieldOfParam(nil)) })
	try("fieldOfLoaded", func() int { return int(fieldOfLoaded([]*S{nil})) })
	try("intoPointer", func() int { intoPointer(nil, &global); return 0 })
	try("bigCopy", func() int { return bigCopy(nil) })
	gp = nil
	try("fromGlobalPointer", func() int { return fromGlobalPointer() })
}
