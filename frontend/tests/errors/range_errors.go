package main

// Ranging over values that cannot be ranged over.

func main() {
	x := 5
	for i := range x {
		println(i)
	}
	f := 1.5
	for range f {
	}
	var s []string
	var n int
	for _, n = range s {
	}
	for i, v, w := range s {
	}
}
