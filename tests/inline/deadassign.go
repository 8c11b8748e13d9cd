// A variable assigned only in dead code (an else branch of a constant
// true condition) is not reassigned once the branch is gone: gc decides
// after dead code removal, so a call through it is inlined (found by
// minigo-fuzz, seed 91061).
package main

var g0 = 3

func main() {
	v76 := func() int16 { return int16(g0) }
	if "go" > "0123456789" {
		println("a")
	} else if true {
		v76 = func() int16 { return 5 }
	}
	println(v76())
}
