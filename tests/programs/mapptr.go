package main

// The address of a map literal, &M{...} (gc's OPTRLIT of an OMAPLIT): a
// new variable holding the map (a regression: escape analysis took it for
// the address of an addressable value and failed).

type M map[int]string

var global = &M{1: "one"}

func grow(p *M, k int, v string) {
	(*p)[k] = v
}

func main() {
	m := &M{0: "zero"}
	grow(m, 2, "two")
	grow(global, 3, "three")
	println(len(*m), (*m)[0], (*m)[2], len(*global), (*global)[3])
	local := &map[string]int{}
	(*local)["x"]++
	println((*local)["x"])
}
