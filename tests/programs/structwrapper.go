// An unnamed struct type with an embedded field has a method set too: gc
// writes its type descriptor when a package type is made of it, with
// wrappers for the promoted methods (Go's fixedbugs/issue4734.go). A named
// pointer type has no methods.
package main

type S1 struct{ n int }

func (s *S1) M() int { return s.n }

func (s S1) V() int { return s.n + 1 }

type S2 struct {
	F struct{ *S1 }
	G struct {
		S1
		k int
	}
}

type P *S1

func main() {
	s := S2{}
	s.F.S1 = &S1{2}
	s.G.n = 5
	var p P = s.F.S1
	println(s.F.M(), s.G.V(), s.G.M(), p.n)
}
