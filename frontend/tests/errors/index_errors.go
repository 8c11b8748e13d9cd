package main

// Indexing and slicing errors.

func main() {
	var a [3]int
	s := []int{1, 2}
	x := 1
	println(a[3], a[-1], s["x"], x[0], s[1.5])
	println(a[1:5], s[2:1], "abc"[1:2:3])
	f := 1.5
	println(s[f])
}
