package main

// Misused channels: types2's messages.

func main() {
	var r <-chan int
	var s chan<- int
	var c chan int
	var x int
	r <- 1
	x <- 1
	c <- "s"
	_ = <-s
	_ = <-x
	close(r)
	close(x)
	for a, b := range c {
		_, _ = a, b
	}
	for range s {
	}
}
