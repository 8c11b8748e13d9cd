package main

// Calling things that are not functions.

type T struct{ n int }

func main() {
	var t T
	t.n()
	x := "s"
	x()
	T()
	3()
}
