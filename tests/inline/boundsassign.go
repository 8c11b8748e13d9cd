// gc's order pass copies a call assigned to anything but a variable (an
// array element here) into a temporary first, so the bounds checks of the
// inlined call's body are walked, and reported, before the left side's
// (found by minigo-fuzz, seed 200484).
package main

var g0 = 4
var gs = "go"

func tr(s string) string { return s }

func main() {
	v := [3]string{gs, "x", "y"}
	v[(19&uint(g0))%3] = tr(func(n int) string {
		return v[uint(g0)%3] + string(rune('a'+n))
	}(len([]int{12})))
	w := tr(func() string { return v[uint(g0)%3] }())
	println(v[0], v[1], v[2], w)
}
