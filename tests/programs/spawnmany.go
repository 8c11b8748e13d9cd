package main

// 40,000 goroutines made before any of them runs (more than there can be
// goroutine stacks at once): a goroutine gets its stack only when it
// starts, and a finished one's stack is reused.

func main() {
	const n = 40000
	out := make(chan int, n)
	for i := 0; i < n; i++ {
		go func(i int) {
			out <- i % 10
		}(i)
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-out
	}
	println(sum)
}
