package main

// Go builds this; channels, go and select are tier 2: minigo says "not
// supported yet".

func main() {
	ch := make(chan int, 1)
	go func() {}()
	ch <- 1
	select {}
	println(<-ch)
}
