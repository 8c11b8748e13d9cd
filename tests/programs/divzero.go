// Integer division by zero panics with Go's message and exit status 2,
// after the output printed before it.
package main

func div(a, b int) int {
	return a / b
}

func main() {
	total := 0
	for i := 3; i >= 0; i-- {
		total += div(12, i)
		println("step", i, total)
	}
	println("unreachable")
}
