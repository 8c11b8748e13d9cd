package main

// A label that no branch refers to.

func main() {
	x := 0
L:
	for x < 3 {
		x++
	}
	println(x)
}
