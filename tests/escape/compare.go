// Details of gc's front end that show in -m output: a value compared with
// an interface is not boxed (== and switch cases), a blank variable is
// declared and converted to, keyed literal elements convert at the colon,
// package variables of one spec initialize one by one, and operands that
// gc's printer parenthesizes.
package main

type S struct{ a int }

type pair struct {
	i interface{}
	n int
}

var p1, p2 = new(S), new(S)

func isS(v interface{}) bool {
	return v == S{1}
}

func kind(x interface{}) string {
	switch x {
	case "hello":
		return "greeting"
	case 42:
		return "answer"
	}
	return "other"
}

func name() string { return "n" }

func flag() bool { return true }

func main() {
	var _ interface{} = S{2}
	x := 7
	println(isS(S{1}), isS(x), kind("hello"), kind(42), kind(x))
	o := pair{i: S{3}.a, n: 1}
	println(o.i.(int), o.n)
	s := ""
	for i := 0; i < 3; i++ {
		s += name() + "/"
	}
	println(s, true && flag(), p1 != p2)
}
