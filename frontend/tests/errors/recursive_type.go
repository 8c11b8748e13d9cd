package main

// Types that contain themselves by value: a cycle through a struct field,
// one through an array, one of two types, and a local one. Each is reported once, from
// the type declared first.

type A struct{ a A }

type B [2]B

type c struct{ d }
type d struct{ c }

type ok struct{ next *ok }

func main() {
	type local struct{ l [1]local }
	_ = A{}
	_ = ok{}
}
