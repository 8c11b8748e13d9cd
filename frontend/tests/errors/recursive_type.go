package main

// Types that contain themselves by value: a cycle through a struct field,
// one through an array, and one of two types. Each is reported once, from
// the type declared first.

type A struct{ a A }

type B [2]B

type c struct{ d }
type d struct{ c }

type ok struct{ next *ok }

func main() {
	_ = A{}
	_ = ok{}
}
