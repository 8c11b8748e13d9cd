package main

func div(a, b int32) int32 { return a / b }

func main() {
	println(div(-2147483648, -1))
	println(div(7, 0))
}
