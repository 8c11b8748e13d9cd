// A function literal copied by inlining into a closure is named as gc names
// a closure's closures, the closure's name and a number (r.func1.3), not
// r.func1.func3 (found by minigo-fuzz, seed 91001).
package main

var g0 = 3
var cs uint64

func r(d int) {
	defer func() {
		fn := func() float64 {
			return func() float64 {
				return float64(g0)
			}() + 2.75
		}
		v := func(x uint8) uint64 {
			cs = cs*31 + uint64(x)
			return uint64(g0)
		}
		cs += uint64(fn()) + v(uint8(d))
	}()
}

func main() {
	r(4)
	println(cs)
}
