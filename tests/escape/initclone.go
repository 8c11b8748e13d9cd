// A literal nested in a package variable's initializer literal, copied by
// inlining into the package initializer, is a hidden closure of the
// initializer (analysed with it, after main), not a package literal of
// its own (found by minigo-fuzz, seed 91018).
package main

var cs uint64
var g0 = 5

var h = uint8((func(x uint32) uint8 {
	fn := func(s string) int {
		cs = cs*31 + uint64(len(s))
		return g0
	}
	cs = cs*31 + uint64(x)
	if fn != nil {
		cs++
	}
	return uint8(g0)
})(7))

func main() {
	p := new(uint8)
	*p = h
	println(cs, *p)
}
