package main

// 1,000 goroutines, each started by a go statement with arguments (one
// record of 32 bytes: thunk, callee, i, c) sending on one buffered channel
// (made once: Go's hchan, 96 bytes, and its buffer of 1,000 ints, in one
// allocation); the sends, receives and scheduling allocate nothing.

func send(i int, c chan int) {
	c <- i
}

func main() {
	c := make(chan int, 1000)
	for i := 0; i < 1000; i++ {
		go send(i, c)
	}
	sum := 0
	for i := 0; i < 1000; i++ {
		sum += <-c
	}
	println(sum)
}
