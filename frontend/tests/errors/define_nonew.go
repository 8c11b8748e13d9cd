package main

// := with no new variables on the left, and non-names on the left.

type S struct{ f int }

func main() {
	a := 1
	a := 2
	b, a := 3, 4
	var s S
	s.f := 5
	a, b := 6, 7
	println(a, b, s.f)
}
