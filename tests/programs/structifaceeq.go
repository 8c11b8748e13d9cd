package main

// Structs and arrays with interface fields compare the fields' dynamic
// values, not their words (a regression: == on such a struct compared the
// interfaces' data pointers).

type Stringer interface{ String() string }

type Name string

func (n Name) String() string { return string(n) }

type P struct {
	a interface{}
	n int
}

type Q struct {
	s Stringer
	f float64
}

//go:noinline
func suffix(i int) string { return string(rune('a' + i)) }

func main() {
	x, y := P{"x" + suffix(1), 1}, P{"x" + suffix(1), 1}
	println(x == y, x != y, x == P{"xc", 1})
	arr1 := [2]interface{}{suffix(2), 3}
	arr2 := [2]interface{}{suffix(2), 3}
	println(arr1 == arr2)
	q1 := Q{Name(suffix(0)), 0.5}
	q2 := Q{Name("a"), 0.5}
	println(q1 == q2, q1 == Q{Name("b"), 0.5}, q1 == Q{nil, 0.5})
	var e1, e2 interface{} = q1, q2
	println(e1 == e2)
}
