// Oracle for goroutines.c: goroutines, channels and select in Go 1.19 with
// GOMAXPROCS=1 (the scheduling order of one P). With no argument it runs
// every behaviour test; $MG_CASE selects a failure case instead. (Not
// os.Args: importing os starts the finalizer goroutine, which takes an id
// and the run queue's runnext slot; minigo's programs import nothing.)
package main

import (
	"runtime"
	"syscall"
)

type node struct {
	next *node
	val  int
	pad  [48]byte
}

var order []int

// Many goroutines made at once overflow the P's local run queue (256) into
// the global one: the order they run in shows both queues.
func runqOrder() {
	const n = 600
	done := make(chan bool)
	for i := 0; i < n; i++ {
		go func(i int) {
			order = append(order, i)
			if len(order) == n {
				done <- true
			}
		}(i)
	}
	<-done
	h := 0
	for k, v := range order {
		h = h*31 + v*(k+1)
		h %= 1000000007
	}
	println("runq", len(order), order[0], order[1], order[2], order[3], order[255], order[256], order[257], order[n-1], h)
}

// Creation order: the newest goroutine runs first, then the others in order.
func spawnOrder() {
	done := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		go func(i int) {
			println("spawned", i)
			done <- i
		}(i)
	}
	println("main continues")
	println("got", <-done, <-done, <-done)
}

func pingpongTrace() {
	ping, pong := make(chan int), make(chan int)
	fin := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			v := <-ping
			println("  pong got", v)
			pong <- v * 10
			println("  pong sent", v*10)
		}
		fin <- true
	}()
	for i := 1; i <= 3; i++ {
		println("  ping send", i)
		ping <- i
		println("  ping sent", i)
		println("  ping got", <-pong)
	}
	<-fin
}

func pingpong() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for {
			v := <-ping
			if v < 0 {
				pong <- -1
				return
			}
			pong <- v + 1
		}
	}()
	v := 0
	for i := 0; i < 100000; i++ {
		ping <- v
		v = <-pong
	}
	ping <- -1
	<-pong
	println("pingpong", v)
}

func buffered() {
	c := make(chan int, 5)
	println("buffered len/cap", len(c), cap(c))
	for i := 1; i <= 5; i++ {
		c <- i * i
	}
	println("full len/cap", len(c), cap(c))
	// a sender blocks on the full buffer; a receive takes the head and
	// moves the sender's value into the buffer
	ready, done := make(chan bool), make(chan bool)
	go func() {
		ready <- true
		println("sender blocks")
		c <- 36
		println("sender done")
		done <- true
	}()
	<-ready
	println("recv", <-c)
	println("recv", <-c)
	println("len", len(c))
	for len(c) > 0 {
		print(<-c, " ")
	}
	println()
	<-done
	var nilc chan int
	println("nil len/cap", len(nilc), cap(nilc))
}

func closeRecv() {
	c := make(chan int, 3)
	c <- 7
	c <- 8
	close(c)
	v, ok := <-c
	println("closed buffered", v, ok, len(c))
	v, ok = <-c
	println("closed buffered", v, ok)
	v, ok = <-c
	println("closed drained", v, ok)
	v, ok = <-c
	println("closed drained", v, ok)

	u := make(chan string)
	close(u)
	s, ok := <-u
	println("closed unbuffered", len(s), ok)

	// close wakes every waiting receiver with a zero value; Go readies the
	// first waiter, then the others from the last to the second
	w := make(chan int)
	res := make(chan int, 4)
	waiting := make(chan int, 4)
	for i := 1; i <= 4; i++ {
		go func(i int) {
			waiting <- i
			v, ok := <-w
			println("woken", i, v, ok)
			res <- i
		}(i)
	}
	println("waiting", <-waiting, <-waiting, <-waiting, <-waiting)
	close(w)
	println("closed w")
	println("done", <-res, <-res, <-res, <-res)
}

func rangeLoop() {
	c := make(chan int)
	go func() {
		for i := 1; i <= 10; i++ {
			c <- i
		}
		close(c)
	}()
	sum := 0
	for v := range c {
		sum += v
	}
	println("range sum", sum)

	e := make(chan struct{}, 2)
	go func() {
		for i := 0; i < 5; i++ {
			e <- struct{}{}
		}
		close(e)
	}()
	n := 0
	for range e {
		n++
	}
	println("range empty structs", n)
}

func f(left, right chan int) {
	left <- 1 + <-right
}

// test/chan/goroutines.go: a chain of goroutines passing a value along.
func chain(n int) {
	leftmost := make(chan int)
	right := leftmost
	left := leftmost
	for i := 0; i < n; i++ {
		right = make(chan int)
		go f(left, right)
		left = right
	}
	go func(c chan int) { c <- 1 }(right)
	println("chain", n, <-leftmost)
}

func selectDefault() {
	c := make(chan int, 1)
	select {
	case v := <-c:
		println("select got", v)
	default:
		println("select default")
	}
	c <- 4
	select {
	case v := <-c:
		println("select got", v)
	default:
		println("select default")
	}
	select {
	case c <- 5:
		println("select sent")
	default:
		println("select default")
	}
	select {
	case c <- 6:
		println("select sent")
	default:
		println("select default")
	}
	select {
	default:
		println("select only default")
	}
}

func within(n, lo, hi int) bool { return lo <= n && n <= hi }

func selectUniform() {
	a, b, c := make(chan int, 1), make(chan int, 1), make(chan int, 1)
	var na, nb, nc int
	for i := 0; i < 3000; i++ {
		a <- 1
		b <- 2
		c <- 3
		select {
		case <-a:
			na++
		case <-b:
			nb++
		case <-c:
			nc++
		}
		for len(a)+len(b)+len(c) > 0 {
			select {
			case <-a:
			case <-b:
			case <-c:
			}
		}
	}
	println("uniform recv", na+nb+nc, within(na, 850, 1150) && within(nb, 850, 1150) && within(nc, 850, 1150))

	// a ready send and a ready receive
	s, r := make(chan int, 1), make(chan int, 1)
	var ns, nr int
	for i := 0; i < 2000; i++ {
		r <- 1
		select {
		case s <- 1:
			ns++
			<-s
		case <-r:
			nr++
		}
		for len(r) > 0 {
			<-r
		}
	}
	println("uniform send/recv", ns+nr, within(ns, 850, 1150) && within(nr, 850, 1150))
}

func selectBlocking() {
	c1, c2 := make(chan int), make(chan string)
	go func() {
		println("sender runs")
		c2 <- "hello"
		println("sender done")
	}()
	println("select blocks")
	select {
	case v := <-c1:
		println("got c1", v)
	case s := <-c2:
		println("got c2", s)
	}
	// a blocked select sender, then a receiver
	d := make(chan int)
	go func() {
		println("receiver runs")
		println("receiver got", <-d)
	}()
	select {
	case d <- 42:
		println("sent 42")
	case v := <-c1:
		println("got c1", v)
	}
	// the same channel twice
	e := make(chan int)
	go func() { e <- 9 }()
	select {
	case v := <-e:
		println("twice got", v)
	case v := <-e:
		println("twice got", v)
	}
	// woken by close
	cl := make(chan int)
	go func() { close(cl) }()
	select {
	case v, ok := <-cl:
		println("closed select", v, ok)
	case v := <-c1:
		println("got c1", v)
	}
}

func selectNil() {
	var nc chan int
	c := make(chan int, 1)
	c <- 3
	hits := 0
	for i := 0; i < 100; i++ {
		select {
		case v := <-nc:
			println("nil recv?", v)
		case nc <- 1:
			println("nil send?")
		case v := <-c:
			hits += v
			c <- v
		}
	}
	println("nil cases never chosen", hits)
	select {
	case <-nc:
		println("nil recv?")
	case nc <- 2:
		println("nil send?")
	default:
		println("nil select default")
	}
	done := make(chan bool)
	go func() {
		select {
		case <-nc:
			println("nil recv?")
		case done <- true:
			println("sent with nil cases")
		}
	}()
	println("received", <-done)
}

// Goroutines whose data is reachable only from their own stacks while they
// are blocked, through many collections.
func gcStress() {
	const workers = 8
	const length = 20000
	start := make([]chan bool, workers+1)
	for i := range start {
		start[i] = make(chan bool)
	}
	results := make(chan int)
	var mine *node
	for i := 1; i <= length; i++ {
		mine = &node{next: mine, val: i}
	}
	for w := 0; w < workers; w++ {
		go func(w int) {
			var list *node
			<-start[w]
			for i := 1; i <= length; i++ {
				list = &node{next: list, val: i * (w + 1)}
				for g := 0; g < 4; g++ {
					sink = &node{val: -1}
				}
			}
			runtime.GC()
			start[w+1] <- true // the next worker runs; this one waits
			<-start[w]
			for g := 0; g < 200000; g++ {
				sink = &node{val: -2}
			}
			runtime.GC()
			sum := 0
			for n := list; n != nil; n = n.next {
				sum += n.val
			}
			results <- sum
		}(w)
	}
	go func() {
		<-start[workers]
		for w := 0; w < workers; w++ {
			start[w] <- true
		}
	}()
	start[0] <- true
	total := 0
	for w := 0; w < workers; w++ {
		total += <-results
	}
	runtime.GC()
	sum := 0
	for n := mine; n != nil; n = n.next {
		sum += n.val
	}
	println("gc", total, sum)
}

var sink *node

func deferRecover() {
	c := make(chan int)
	done := make(chan bool)
	go func() {
		defer func() {
			println("goroutine recovered", recover().(string))
			done <- true
		}()
		<-c
		panic("in goroutine")
	}()
	func() {
		defer func() {
			println("main recovered", recover().(string))
		}()
		c <- 1
		panic("in main")
	}()
	<-done
}

func main() {
	if name, ok := syscall.Getenv("MG_CASE"); ok {
		failure(name)
		return
	}
	runqOrder()
	spawnOrder()
	pingpongTrace()
	pingpong()
	buffered()
	closeRecv()
	rangeLoop()
	chain(10000)
	selectDefault()
	selectUniform()
	selectBlocking()
	selectNil()
	deferRecover()
	gcStress()
	println("end")
}

func failure(name string) {
	n := -1
	switch name {
	case "sendclosed":
		c := make(chan int, 1)
		close(c)
		c <- 1
	case "sendclosedwait":
		c := make(chan int)
		go func() {
			close(c)
		}()
		go func() {
			println("sending")
			c <- 1
		}()
		<-make(chan int)
	case "selectsendclosed":
		c := make(chan int)
		close(c)
		select {
		case c <- 1:
		case <-make(chan int):
		}
	case "closeclosed":
		c := make(chan int)
		close(c)
		close(c)
	case "closenil":
		var c chan int
		close(c)
	case "makechanneg":
		_ = make(chan int, n)
	case "makechanbig":
		_ = make(chan int, 1<<60+n)
	case "gpanic":
		go func() {
			panic("boom")
		}()
		<-make(chan int)
	case "deadrecv":
		<-make(chan int)
	case "deadsend":
		make(chan int) <- 1
	case "deadnilrecv":
		var c chan int
		<-c
	case "deadnilsend":
		var c chan int
		c <- 1
	case "deadselect":
		select {
		case <-make(chan int):
		case make(chan int) <- 1:
		}
	case "deadselectnone":
		select {}
	case "deadmany":
		c := make(chan int)
		go func() {
			println("sending")
			c <- 1
		}()
		go func() {
			select {
			case <-c:
			case <-c:
			}
			<-c
		}()
		go func() {
			select {
			case <-make(chan int):
			case <-make(chan int):
			}
		}()
		go func() { make(chan int) <- 1 }()
		go func() {}()
		println("main blocks")
		var nc chan int
		<-nc
	case "deadgoroutine":
		c := make(chan int)
		go func() {
			<-c
		}()
		go func() {
			c <- 1
			c <- 2
		}()
		<-make(chan bool)
	}
}
