// A million &T{} that never leave the loop body: escape analysis keeps
// them on the stack, so the program makes no heap allocation at all.
package main

type T struct{ a, b int }

func main() {
	s := 0
	for i := 0; i < 1000000; i++ {
		p := &T{i, i}
		s += p.a + p.b
	}
	println(s)
}
