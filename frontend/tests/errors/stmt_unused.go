package main

// Expressions evaluated as statements whose values are not used.

func one() int { return 1 }

func main() {
	x := 1
	x + 1
	x
	one
	len("abc")
	int(3)
	"str"
	x == 2
}
