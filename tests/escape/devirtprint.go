package main

// gc prints a devirtualized call as the method call i.(S).M(1) until escape
// analysis has analysed it, then as the function call S.M(i.(S), 1) it
// rewrote it to: a flow into the heap explained as it is met shows the
// first (or the second, for a call analysed before it, as an earlier
// argument), the lines printed once the graph is built the second.

type I interface{ M(int) string }

type S struct{ s string }

func (s S) M(n int) string {
	for i := 0; i < n; i++ {
		s.s += "a"
	}
	return s.s
}

type P struct{ s string }

func (p *P) M(n int) string {
	for i := 0; i < n; i++ {
		p.s += "b"
	}
	return p.s
}

var g interface{}

//go:noinline
func h(s string, x interface{}) { g = x }

func main() {
	var i I = S{"x"}
	g = i.M(1) + "!"
	var j I = &P{"y"}
	g = j.M(2) + "?"
	println(g.(string))
	var k I = S{"z"}
	h(k.M(2), new(int))
}
