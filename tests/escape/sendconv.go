package main

// A value sent on a channel of interfaces is boxed where building the
// channel and the value left gc's noder: a constant conversion at the
// channel's start (or the call that gives the channel), a variable at
// itself.

type I interface{ M() int }
type T int

func (t T) M() int { return int(t) * 2 }

type S struct{ c chan I }

func get(s *S) chan I { return s.c }

func main() {
	s := &S{make(chan I, 5)}
	s.c <- T(4)
	(s.c) <- T(5)
	get(s) <- T(6)
	var v T = 7
	s.c <- v
	s.c <- I(v)
	println(len(s.c))
}
