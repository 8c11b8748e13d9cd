// float64(x) of a float64 x is gc's OCONV (it implies rounding), which the
// inliner counts; identical integer conversions are free OCONVNOPs (found
// by minigo-fuzz: minigo counted float64(g2 * g2) one less than gc).
package main

var g0 = 7
var g2 = 1.5

type MyInt int

func a() int       { return int(g0 * g0) }
func b() float64   { return float64(g2 * g2) }
func c() float64   { return float64(g2) }
func d() int       { return int(g0) }
func e() MyInt     { return MyInt(g0) }
func f() string    { return string(gs) }
func h() float64   { return float64(float64(g2) + 1) }

var gs = "x"

func main() {
	println(a(), b(), c(), d(), e(), f(), h())
}
