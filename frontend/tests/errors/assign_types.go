package main

// Assignments between incompatible types.

type A int

func two() (int, string) { return 1, "" }

func main() {
	var a A
	var i int
	a = i
	i = a
	var s string
	s, i = two()
	i, s = two()
	var f float64
	f = i
	i = 1.5
	println(a, i, s, f)
}
