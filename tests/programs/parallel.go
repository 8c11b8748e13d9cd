package main

// Goroutines on several threads (the tests run with GOMAXPROCS unset:
// every CPU): a token ring, a fan-in through select, workers that allocate
// while the collector runs, and a tree of goroutines that start
// goroutines. Every result is gathered through channels, so the output does
// not depend on which thread ran what.

type node struct {
	next  *node
	value int
}

func ring(n, laps int) int {
	first := make(chan int)
	in := first
	for i := 0; i < n; i++ {
		out := make(chan int)
		go func(in <-chan int, out chan<- int) {
			for v := range in {
				out <- v + 1
			}
			close(out)
		}(in, out)
		in = out
	}
	total := 0
	for lap := 0; lap < laps; lap++ {
		first <- lap
		total += <-in
	}
	close(first)
	for range in {
	}
	return total
}

func produce(id, n int, out chan<- int, done chan<- bool) {
	for i := 0; i < n; i++ {
		out <- id*n + i
	}
	done <- true
}

func fanIn(producers, n int) (int, int) {
	a, b := make(chan int), make(chan int, 16)
	done := make(chan bool)
	for p := 0; p < producers; p++ {
		if p%2 == 0 {
			go produce(p, n, a, done)
		} else {
			go produce(p, n, b, done)
		}
	}
	sum, count, finished := 0, 0, 0
	for finished < producers || count < producers*n {
		select {
		case v := <-a:
			sum += v
			count++
		case v := <-b:
			sum += v
			count++
		case <-done:
			finished++
		}
	}
	return sum, count
}

func build(n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{head, i}
	}
	return head
}

func allocate(jobs <-chan int, sums chan<- int) {
	for size := range jobs {
		total := 0
		for round := 0; round < 20; round++ {
			for p := build(size); p != nil; p = p.next {
				total += p.value
			}
		}
		sums <- total
	}
}

func workers(n, jobs int) int {
	work, sums := make(chan int), make(chan int)
	for w := 0; w < n; w++ {
		go allocate(work, sums)
	}
	go func() {
		for j := 0; j < jobs; j++ {
			work <- 1000 + j
		}
		close(work)
	}()
	total := 0
	for j := 0; j < jobs; j++ {
		total += <-sums
	}
	return total
}

func tree(depth int, result chan<- int) {
	if depth == 0 {
		result <- 1
		return
	}
	sub := make(chan int, 2)
	go tree(depth-1, sub)
	go tree(depth-1, sub)
	result <- <-sub + <-sub + 1
}

func main() {
	println("ring", ring(100, 1000))
	sum, count := fanIn(6, 5000)
	println("fan-in", sum, count)
	println("workers", workers(4, 200))
	nodes := make(chan int)
	go tree(12, nodes)
	println("tree", <-nodes)
}
