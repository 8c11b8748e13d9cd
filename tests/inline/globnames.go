// gc's noder numbers the function literals of package variable
// initializers in source order (glob..func1, glob..func2, ...), not in
// initialization order; a literal inside one is named after it
// (glob..func3.1). minigo numbered them as it initialized them (found by
// minigo-fuzz, seeds 120025, 120142, 120220 and 120233).
package main

var cs int

var first = func(s string) string {
	cs++
	return s + later
}(later) + func() string { return "!" }()

var later = func(n int) string {
	g := func() string { return "x" }
	if n > 0 {
		return g() + g()
	}
	return g()
}(2)

func main() {
	println(first, later, cs)
}
