package main

// goto and label errors.

func main() {
	goto L
	x := 1
L:
	println(x)
	goto M
	{
	M:
		println()
	}
	goto N
L:
	println()
}
