// A value appended goes through walk's safeExpr, which copies an index like
// `i%20` to a temporary: such an index is not `bounded` (no "index bounds
// check elided", and the check stays, as in Go), while one under an
// operation that is copied whole, or in `x op= y`, still is
// (minigo-fuzz seed 620113).
package main

var g2 = "xyz"
var gs = "go"

type P struct{ x [4]int }

func keyed(a14 [20]string, v28 uint) int {
	v33 := append([]string{0: g2, g2, gs[v28%uint(len(gs)+1):]}, a14[(v28+v28)%20])
	return len(v33)
}

func field(p P, v28 uint) []int {
	return append([]int{}, p.x[v28%4], p.x[v28&3]+1)
}

func update(a14 [20]int, v28 uint) int {
	a14[(v28+v28)%20] += 3
	a14[v28%20]++
	return a14[(v28+v28)%20] + a14[v28%20]
}

func main() {
	var a [20]string
	a[4] = "four"
	s := field(P{[4]int{1, 2, 3, 4}}, 6)
	println(keyed(a, 2), s[0], s[1], update([20]int{}, 7))
}
