package main

func add(a, b int) int { return a + b }

func main() {
	println("hello", 42, add(1, 2), true, 1.5)
	var x int8 = 127
	x++
	println(x)
}
