// What an inlined body proves holds after it: a call with no result
// whose checks passed (a swap of s[0] and s[4]) proves s[0] and s[4]
// after it, as gc's SSA sees one function. A body that returns early
// proves after it only what both paths do.
package main

func swap(a []int, i, j int) {
	x := a[i]
	y := a[j]
	a[i] = y
	a[j] = x
}

var touched int

func touch(a []int, i int) {
	if i > 0 {
		a[i] = 1
		return
	}
	touched++
}

func main() {
	s := []int{1, 2, 3, 4, 5, 6}
	f := func() int { swap(s, 0, 4); return s[0]*100 + s[4] }
	g := func(i int) int { touch(s, i); return s[5] }
	println(f(), g(5))
	t := []int{7, 8, 9}
	swap(t, 0, 2)
	println(t[0], t[2])
}
