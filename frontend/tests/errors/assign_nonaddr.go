package main

// Assignments to values that cannot be assigned to.

type P struct{ x int }

func get() P { return P{} }

const c = 1

func main() {
	s := "abc"
	s[0] = 'x'
	c = 2
	get().x = 3
	get() = P{}
	len(s) = 4
	1 = 2
	println(s)
	main = nil
	var a [3]int
	a[5] = 1
	get().x++
}
