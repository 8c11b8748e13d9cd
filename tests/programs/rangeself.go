package main

// A range statement whose value variable is the slice it ranges over
// (type T []T): each iteration assigns the slice, so an index the range
// key keeps in the original slice may be out of the new one's range and
// must be checked.

type T []T

func try(name string, f func() int) {
	n := 0
	defer func() {
		r := recover()
		if r != nil {
			println(name, "panicked:", r.(error).Error())
		}
	}()
	n = f()
	println(name, n)
}

func main() {
	try("index", func() int {
		x := T{T{}, T{}, T{}}
		n := 0
		var i int
		for i, x = range x {
			n += i + len(x[i])
		}
		return n
	})
	try("blank", func() int {
		x := T{T{}, T{}, T{}}
		var i int
		for i, x = range x {
			_ = x[i]
		}
		return i
	})
	try("fits", func() int {
		x := T{T{T{}}, T{T{}, T{}}, T{T{}, T{}, T{}}}
		n := 0
		var i int
		for i, x = range x {
			n += len(x[i])
		}
		return n
	})
}
