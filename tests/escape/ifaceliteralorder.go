// Two literals of one unnamed interface type: the wrapper of its method
// takes its parameters' positions from the literal of the conversion that
// writes the itab first. gc's walk writes a conversion's itab after its
// operand, so a receiver temporary's conversion comes before the inlined
// literal's type assertion inside it (fuzz seed 910194).
package main

type S struct{ f int }

func (s S) M(p *int) int { return s.f + *p }

var g = 3

func main() {
	r := interface{ M(*int) int }(S{f: func() int {
		return interface{}(S{}).(interface{ M(*int) int }).M(&g)
	}()}).M(&g)
	println(r)
}
