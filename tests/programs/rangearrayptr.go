package main

// Ranging over a pointer to an array with a value variable checks the
// pointer, at the `range` keyword: gc's walkRange takes the first
// element's address before the loop (elements of other than 1, 2, 4 or 8
// bytes), a check that holds after the loop, or indexes the array in the
// loop. An earlier dereference makes the check needless. (B is 16 bytes:
// a copy of 128 or more is logged at the range too, and when the check is
// the first statement of the function, gc logs it first, which minigo
// does not model.)

type B struct{ x [2]int }

//go:noinline
func only(a *[3]B) int {
	t := 0
	for _, v := range a {
		t += v.x[1]
	}
	return t
}

//go:noinline
func after(a *[3]B) int {
	t := a[0].x[0]
	for _, v := range a {
		t += v.x[1]
	}
	return t
}

//go:noinline
func thenAddress(a *[3]B) *B {
	t := 0
	for _, v := range a {
		t += v.x[1]
	}
	if t > 100 {
		return nil
	}
	return &a[2]
}

//go:noinline
func small(a *[4]int) int {
	t := 0
	for _, v := range a {
		t += v
	}
	for i, v := range a {
		t += v * i
	}
	return t
}

//go:noinline
func keysOnly(a *[4]int) int {
	t := 0
	for i := range a {
		t += i
	}
	return t
}

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panics:", r.(error).Error())
		}
	}()
	println(name, f())
}

func main() {
	var a [3]B
	a[1].x[1] = 5
	var b = [4]int{1, 2, 3, 4}
	println(only(&a), after(&a), thenAddress(&a).x[0], small(&b), keysOnly(nil))
	try("only", func() int { return only(nil) })
	try("after", func() int { return after(nil) })
	try("thenAddress", func() int { return thenAddress(nil).x[0] })
	try("small", func() int { return small(nil) })
}
