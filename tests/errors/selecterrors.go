package main

// Misused go and select, channel types: types2's messages.

func f() int { return 1 }

func main() {
	var x int
	var c chan int
	var r <-chan int
	go int(x)
	go len("abc")
	select {
	case x := 1:
		_ = x
	case f():
	default:
	default:
	}
	var d chan (<-chan int) = 1
	var e <-chan chan<- int = 2
	_, _ = d, e
	r = c
	c = r
}
