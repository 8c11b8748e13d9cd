package main

// A temporary gc makes in a function literal (for the receiver of an
// interface call, which makes a call: len) is numbered by the literal's own declarations:
// the variables it captures are not among them.

type T struct{ n int }

func (t T) M(s string) string {
	for i := 0; i < t.n; i++ {
		s += "+"
	}
	return s
}

type I interface{ M(string) string }

var sink string

func main() {
	x, y := "p", 2
	f := func() {
		v := y * 2
		sink = interface{}(T{v + len(x)}).(I).M(x)
	}
	f()
	println(sink)
}
