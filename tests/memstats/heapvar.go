// x escapes through the global on every iteration: it is moved to the heap,
// one 8-byte cell per declaration, so 1000 allocations and nothing else.
package main

var gp *int

func main() {
	s := 0
	for i := 0; i < 1000; i++ {
		x := i
		gp = &x
		s += *gp
	}
	println(s)
}
