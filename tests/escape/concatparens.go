// Parenthesized string concatenations are one OADDSTR in gc, as the
// unparenthesized chain is: one node for the cost, one escape location
// (found by minigo-fuzz: minigo counted and reported each inner +).
package main

var gs = "go"

func f1(a, b, c string) string { return a + b + c }
func f2(a, b, c string) string { return (a + b) + c }
func f3(a, b, c string) string { return a + (b + c) }
func f4(a, b, c string) string { return (a + (b + (c + a))) }
func f5(a, b string) string    { return ("x" + "y") + a + (b + "z") }

func main() {
	gs = f1(gs, gs, gs) + f2(gs, gs, gs) + f3(gs, gs, gs) + f4(gs, gs, gs) + f5(gs, gs)
	local := (gs + "!") + (gs + "?")
	println(gs, len(local))
}
