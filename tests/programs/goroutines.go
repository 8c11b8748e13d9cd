package main

// Goroutines and channels, with output that does not depend on scheduling:
// a pipeline, a worker pool gathered through channels, buffered channels
// filled and drained, close with comma-ok receives, range over a channel,
// select with default, nil channels and a chain of goroutines.

type result struct {
	id, sq int
}

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int, 4)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func worker(id int, jobs <-chan int, results chan<- result, done chan<- bool) {
	for j := range jobs {
		results <- result{id, j * j}
	}
	done <- true
}

func chain(n int) int {
	first := make(chan int)
	left := first
	for i := 0; i < n; i++ {
		right := make(chan int)
		go func(l, r chan int) {
			v := <-r
			l <- v + 1
		}(left, right)
		left = right
	}
	go func(c chan int) { c <- 0 }(left)
	return <-first
}

type acc struct{ total int }

func (a *acc) add(c chan int, done chan struct{}) {
	for v := range c {
		a.total += v
	}
	done <- struct{}{}
}

func main() {
	sum := 0
	for v := range square(gen(10)) {
		sum += v
	}
	println("pipeline", sum)

	jobs := make(chan int, 100)
	results := make(chan result, 100)
	done := make(chan bool)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results, done)
	}
	for j := 1; j <= 20; j++ {
		jobs <- j
	}
	close(jobs)
	for w := 0; w < 3; w++ {
		<-done
	}
	close(results)
	total, count := 0, 0
	for r := range results {
		total += r.sq
		count++
	}
	println("pool", count, total)

	b := make(chan string, 3)
	b <- "a"
	b <- "b"
	println("buffered", len(b), cap(b))
	println(<-b, <-b, len(b))
	close(b)
	s, ok := <-b
	println("closed", s == "", ok)

	var nilc chan int
	println("nil", len(nilc), cap(nilc), nilc == nil)
	select {
	case v := <-nilc:
		println("impossible", v)
	case nilc <- 1:
		println("impossible")
	default:
		println("default")
	}

	ready := make(chan int, 1)
	ready <- 7
	select {
	case v, ok := <-ready:
		println("ready", v, ok)
	case <-nilc:
		println("impossible")
	}

	println("chain", chain(1000))

	a := &acc{}
	c := make(chan int)
	fin := make(chan struct{})
	go a.add(c, fin)
	for i := 0; i < 100; i++ {
		c <- i
	}
	close(c)
	<-fin
	println("method", a.total)

	var cs [3]chan int
	for i := range cs {
		cs[i] = make(chan int, 1)
	}
	cs[1] <- 42
	var got int
	select {
	case got = <-cs[0]:
	case got = <-cs[1]:
	case got = <-cs[2]:
	}
	println("array", got)

	unbuf := make(chan int)
	go func() {
		defer close(unbuf)
		for i := 0; i < 3; i++ {
			unbuf <- i * 10
		}
	}()
	for {
		v, ok := <-unbuf
		if !ok {
			break
		}
		println("recv", v)
	}
}
