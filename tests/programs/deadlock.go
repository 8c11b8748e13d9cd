package main

// Every goroutine blocked: Go's fatal error, exit status 2.

func main() {
	c := make(chan int)
	go func() {
		c <- 1
		c <- 2
	}()
	println(<-c)
	var n chan int
	select {
	case v := <-n:
		println(v)
	case <-c:
		println("second")
	}
	<-c
}
