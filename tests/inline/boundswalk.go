// Which functions gc walks, in what order, and so where it reports
// "index bounds check elided": a literal that captures nothing is walked
// even when every call to it was inlined (but not when dead code removal
// dropped it); inside a statement, what gc's order pass moves to a
// temporary first (calls, len, cap, ...) is walked first (found by
// minigo-fuzz, seeds 120020, 120160 and 91084).
package main

var g0 = 5
var g2 [3]string
var cs uint64

func lit(x uint) string {
	v := func(y uint) string {
		return g2[y%3] + "!"
	}(x)
	if false {
		w := func(z uint) string { return g2[z%3] }
		v += w(x)
	}
	return v
}

func order(a [8]string) byte {
	fn := func(n int64) uint8 {
		cs = cs*31 + uint64(n)
		return (a[uint(g0)%8] + "!")[interface{}(uint(g0)).(uint)%uint(len(a[uint(g0)%8])+1)]
	}
	return fn(int64(g0) / 17)
}

func main() {
	var a [8]string
	a[5] = "go"
	println(lit(7), order(a), cs)
}
