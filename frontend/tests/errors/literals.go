package main

// Array and slice literal indices.

func main() {
	a := [3]int{0: 1, 0: 2}
	b := []string{2: "c", 1: "b", "x", "y"}
	n := 1
	c := [4]int{n: 1}
	d := [...]int{5: 1, 2}
	e := [2]int{1.5: 3}
	println(a[0], b[0], c[0], d[0], e[0])
}
