// gc's inliner copies a literal's nested literals before the literal
// itself, and names every copy as the next closure of the function the call
// is inlined into: inlining f.func2 (holding func2.1, holding func2.1.1)
// into f makes f.func3 (the innermost copy), then f.func4 (found by
// minigo-fuzz, seed 300728).
package main

var g0 = 3

func f() int32 {
	a := func() int32 { return 1 }
	return a() + func() int32 {
		return func() int32 {
			return func() int32 {
				return int32(g0)
			}() - 1
		}()
	}()
}

func main() {
	println(f())
}
