package main

// Comparisons of values that cannot be compared.

type S struct{ xs []int }

func main() {
	a := []int{1}
	b := []int{2}
	println(a == b)
	f := func() {}
	println(f == f)
	var s, t S
	println(s == t)
	println(a == nil, f != nil)
	println(nil == nil)
	println(1 == "a")
	var p *int
	println(p < p)
}
