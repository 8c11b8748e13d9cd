// gc's noder splices a nested block's statements into the enclosing list,
// so an `if true { panic(...) }` in a block ends that list for dead code
// removal: the closure after it is never analysed. The implicit conversion
// of panic's argument is positioned where the noder last finished a call,
// the closure call's parenthesis (found by minigo-fuzz, seed 91141).
package main

var cs int
var gs = "go"

func f(n int) (r string) {
	defer func() {
		if recover() != nil {
			r = "recovered"
		}
	}()
	for i := 0; i < n; i++ {
		{
			if true {
				panic(func(x float64) string {
					cs++
					return gs
				}(0.5))
			}
		}
		defer func() {
			g := func() bool { return cs > 0 }
			println(g())
		}()
	}
	return "done"
}

func main() {
	println(f(0))
	println(f(2), cs)
}
