// gc's order pass lifts a call out of its statement, so walk converts the
// call's receiver to an interface, writing the itab and making the wrapper
// (*T).Area, before it walks the index written ahead of the call:
// the wrapper's decisions come before that index's "index bounds check
// elided". minigo placed them by position, after it (found by minigo-fuzz,
// seed 800162).
package main

var n = 7

type T struct{ w int }

func (t T) Area() float64 { return float64(t.w * t.w) }

type Shape interface{ Area() float64 }

func check(a [8]bool) [8]bool {
	a = [8]bool{a[uint(n)%8], Shape(T{n}).Area() > 2, a[uint(n+1)%8]}
	return a
}

func main() {
	a := check([8]bool{true})
	println(a[0], a[1], a[2])
}
