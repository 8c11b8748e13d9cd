// Interface values holding structs or arrays compare with the type's
// equality, as in Go: floats as floats (-0.0 == 0.0, NaN != NaN), strings
// and interfaces by content, blank fields ignored; a struct with a slice
// has no == and comparing it panics. minigo compared the bytes (listed in
// issue 13).
package main

type S struct {
	f float64
	s string
}

type P struct {
	a int8
	b int64
	_ int32
	x interface{}
}

type Arr [3]S

type U struct {
	n  int
	xs []int
}

func eq(a, b interface{}) bool { return a == b }

func main() {
	b := []byte("ab")
	zero := 0.0
	println(eq(S{0.0, "ab"}, S{-zero, string(b)}))
	nan := zero / zero
	println(eq(S{nan, "x"}, S{nan, "x"}))
	println(eq(P{a: 1, b: 2, x: "q" + string(b)}, P{a: 1, b: 2, x: "qab"}))
	println(eq(P{a: 1, b: 2, x: 1}, P{a: 1, b: 2, x: int64(1)}))
	println(eq(Arr{{1, "a"}, {2, string(b)}}, Arr{{1, "a"}, {2, "ab"}}))
	println(eq([2]float64{zero, 1}, [2]float64{-zero, 1}))
	println(eq([4]int{1, 2, 3, 4}, [4]int{1, 2, 3, 4}))
	println(eq([2]interface{}{1, "ab"}, [2]interface{}{1, string(b)}))
	var big1, big2 [100]float64
	big2[99] = -zero
	println(eq(big1, big2))
	println(eq(struct {
		a [2]string
		f float32
	}{[2]string{"x", string(b)}, 1}, struct {
		a [2]string
		f float32
	}{[2]string{"x", "ab"}, 1}))
	println(eq(U{1, nil}, U{2, nil}))
}
