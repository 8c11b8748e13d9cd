// Slices behind pointers to literals: gc's SSA forwards what a literal
// or a store puts behind a pointer to the loads after it (until another
// store or call), so &[]int{1, 2, 3} is 3 long, and &stack{..., items:
// ...} has items of the literal's length when they are stored last. An
// append that grows is a call whose result's length gc does not see.
package main

type stack struct {
	items []int
	name  string
}

func first(a []int) int {
	return a[0]
}

func main() {
	b := &[]int{1, 2, 3}
	println((*b)[2], first(*b))
	c := &[]int{1, 2, 3}
	println((*c)[2], len(*c))
	*c = append(*c, 4)
	println((*c)[3])
	*c = (*c)[:2]
	println((*c)[1], len(*c))
	st := &stack{name: "s", items: []int{4, 5, 6}}
	println(st.items[2], st.name)
	st.items = st.items[:1]
	println(st.items[0], len(st.items))
	st.items = []int{7, 8}
	println(st.items[1], first(st.items))
}
