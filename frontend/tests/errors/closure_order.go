package main

// Errors in closure bodies are found after the enclosing function's body.

func main() {
	g := func() {
		println(a1, a2, a3, a4, a5, a6)
	}
	println(b1, b2, b3, b4, b5, b6)
	g()
}
