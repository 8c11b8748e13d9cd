package main

func main() {
	n := -3
	s := make([]int, n)
	println(len(s))
}
