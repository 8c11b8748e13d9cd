package main

// gc prints a devirtualized call as the method call i.(S).M(1) in the -m=2
// explanations and as the function call S.M(i.(S), 1) escape analysis
// rewrote it to in the lines printed last.

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

func main() {
	var i I = S{"x"}
	g = i.M(1) + "!"
	var j I = &P{"y"}
	g = j.M(2) + "?"
	println(g.(string))
}
