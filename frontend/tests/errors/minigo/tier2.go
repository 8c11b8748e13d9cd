package main

// Go builds this; maps, channels, go, defer of a builtin or with arguments,
// select, interfaces with methods are tier 2: minigo says "not supported yet".

type Stringer interface {
	String() string
}

func main() {
	m := map[string]int{}
	ch := make(chan int, 1)
	go func() {}()
	defer println()
	ch <- 1
	select {}
	println(len(m), <-ch)
}
