package main

// A panic in a goroutine ends the program; recover works per goroutine;
// sends on and closes of closed channels panic with Go's texts.

func try(name string, f func()) {
	defer func() {
		println(name, "recovered:", recover().(error).Error())
	}()
	f()
}

func main() {
	c := make(chan int, 1)
	close(c)
	try("send", func() { c <- 1 })
	try("close", func() { close(c) })
	var n chan int
	try("close nil", func() { close(n) })
	try("makechan", func() {
		size := -1
		_ = make(chan int, size)
	})
	done := make(chan bool)
	go func() {
		defer func() {
			println("goroutine recovered:", recover().(string))
			done <- true
		}()
		panic("in goroutine")
	}()
	<-done
	go func() {
		var p *int
		println(*p)
	}()
	<-done
}
