package main

// Channels, select and go as gc 1.19 costs and escape-analyses them: a
// sent value escapes, make(chan) reports nothing, a bidirectional channel
// passed as a directional one is converted, select clauses count one node
// each, a go statement blocks inlining.

//go:noinline
func r(c <-chan int) int { return <-c }

//go:noinline
func r2(c chan int) int { return <-c }

func f(c chan int) int { return r(c) }
func f2(c chan int) int { return r2(c) }

func s(c chan int, v int) {
	c <- v
}

func sel(c chan int, d chan string) int {
	var n chan int
	select {
	case v := <-c:
		return v
	case d <- "x":
	case <-n:
	case v, ok := <-n:
		if ok {
			return v
		}
	default:
	}
	return 0
}

func rng(c chan int) (s int) {
	for v := range c {
		s += v
	}
	return
}

func mk() chan int { return make(chan int) }
func mk2(n int) chan *int { return make(chan *int, n) }
func cl(c chan int) { close(c) }
func ln(c chan int) int { return len(c) + cap(c) }

// gc prints a send as a binary expression: `c <- (a + b)`.
func sendcat(c chan string, a, b string) {
	c <- a + b
}

func snd(c chan *int) {
	x := 5
	c <- &x
}

func main() {
	c := make(chan int, 1)
	c <- 1
	println(f(c))
	c <- 1
	println(f2(c))
	s(c, 4)
	println(sel(c, nil))
	go func() {}()
	e := mk()
	close(e)
	println(rng(e) + ln(mk()))
	cl(c)
	snd(mk2(2))
	cs := make(chan string, 1)
	sendcat(cs, "a", "b")
	println(<-cs)
}
