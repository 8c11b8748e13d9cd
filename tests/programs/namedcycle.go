// A type declared as another named type whose struct refers back to it
// (Go's fixedbugs/bug336.go): `type T2 T1` is met while T1's struct is
// being resolved, and gets T1's underlying type once T1 has it, also
// through a chain of such declarations.
package main

type T1 struct {
	Next *T2
	v    int
}

type T2 T1

type T3 struct {
	Next *T4
	w    string
}

type T4 T5
type T5 T6
type T6 T3

func main() {
	a := &T1{&T2{nil, 5}, 3}
	b := T3{&T4{nil, "in"}, "out"}
	c := T6(*b.Next)
	println(a.v, a.Next.v, b.w, b.Next.w, c.w)
}
