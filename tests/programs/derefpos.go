// The implicit dereference of a pointer to an array, in an index or in
// len/cap, is where building the operands left the noder's position (the
// last non-constant expression, in pre-order), which -m=2 shows in
// "(indirection)" lines (Go's escape_array.go).
package main

type U [2]*string

func get(x *U) *string {
	return x[1]
}

func at(x *U, i int) *string {
	return x[i]
}

func count(x *U) int {
	return len(x) + cap(x)
}

func field(s *struct{ u *U }) *string {
	return s.u[0]
}

func main() {
	a, b := "a", "b"
	u := U{&a, &b}
	println(*get(&u), count(&u), *field(&struct{ u *U }{&u}), *at(&u, 0))
}
