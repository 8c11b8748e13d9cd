package main

// Misused builtins.

func main() {
	x := 1
	println(len(x))
	println(cap("s"))
	a := make(int)
	b := make([]int)
	c := new(1)
	d := append(x, 1)
	e := len
	var s []int
	copy(s, "abc")
	println(a, b, c, d, e)
	len(s)
	println(len(s, s))
}
