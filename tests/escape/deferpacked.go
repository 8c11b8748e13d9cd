// A deferred variadic call is explained as gc prints it, with `...`: once
// it packs its arguments, f22(.autotmp_2, ... argument...) (fuzz seed
// 780118), and when the source spreads a slice literal.
package main

var sink []string

//go:noinline
func f22(a string, xs ...string) int {
	sink = xs
	return len(a)
}

var gs = "x"

func main() {
	v := gs + "y"
	defer f22(v, gs+"0", v)
	w := gs + "z"
	defer f22(w, "k")
	defer f22(gs, gs+"1")
	defer f22(v, []string{v, gs}...)
}
