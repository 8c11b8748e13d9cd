package main

// Go builds this; channels, go, defer of a builtin or with arguments,
// select and deferred calls of interface methods are tier 2: minigo says
// "not supported yet".

type Stringer interface {
	String() string
}

func main() {
	ch := make(chan int, 1)
	go func() {}()
	defer println()
	ch <- 1
	select {}
	var s Stringer
	defer s.String()
	println(<-ch)
}
