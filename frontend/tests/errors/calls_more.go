package main

// More call errors: spreading a multi-value call, and variadic calls.

func pair() (int, string) { return 1, "a" }

func takes(a int, b int) {}

func vari(prefix string, xs ...int) {}

func main() {
	takes(pair())
	vari()
	vari("a", 1, "b")
	xs := []int{1}
	vari("a", xs)
	vari(pair())
	var f func(int) int
	f(1, 2)
	println(f(true))
}
