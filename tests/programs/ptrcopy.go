// A pointer copied to another variable is one value in gc's SSA: what a
// store through the copy (an inlined method's receiver) puts behind it
// is known behind the original, until the next store or call. A store to
// a local array larger than gc keeps in registers is a store to memory.
package main

type stack struct{ items []int }

func (st *stack) shrink() { st.items = st.items[:1] }

func (st *stack) reset(n int) { st.items = make([]int, n) }

var sink []int

func between(st *stack, i int) int {
	_ = st.items[i]
	st.shrink()
	return st.items[i]
}

func copied(st *stack) int {
	p := st
	p.reset(3)
	return st.items[2]
}

func fill() {
	sink = []int{1 << 10: 1}
}

func grid() [8]int {
	return [8]int{1, 2, 3}
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
	try("between 0", func() int { return between(&stack{items: []int{1, 2, 3}}, 0) })
	try("between 2", func() int { return between(&stack{items: []int{1, 2, 3}}, 2) })
	try("copied", func() int { return copied(&stack{}) })
	fill()
	println(sink[1<<10])
	fill()
	g := grid()
	println(sink[1<<10], g[2])
}
