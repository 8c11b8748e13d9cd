package main

// Ping-pong: two goroutines hand a counter back and forth over unbuffered
// channels, each exchange a blocking send meeting a blocking receive.

const exchanges = 5000000 // test: 1000

func player(in <-chan int, out chan<- int, done chan<- int) {
	for v := range in {
		if v >= exchanges {
			done <- v
			return
		}
		out <- v + 1
	}
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan int)
	go player(ping, pong, done)
	go player(pong, ping, done)
	ping <- 0
	println("exchanges", <-done)
}
