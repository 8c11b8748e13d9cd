package main

// A run-time error recovered is an error: its Error method gives the
// message, and panicking with it again prints it.

func f(a []int, i int) int { return a[i] }

func main() {
	defer func() {
		err := recover().(error)
		println(err.Error())
		panic(err)
	}()
	println(f([]int{1, 2, 3}, 5))
}
