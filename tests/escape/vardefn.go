// A `var x T = v` declaration defines x (gc's Defn): a closure in a loop
// capturing x captures it by value, as for `x := v` (minigo counted the
// declaration's assignment as a reassignment; found by minigo-fuzz, seed 91005).
package main

var gs = "go"
var sink []func() string

func small() int {
	var a int = len(gs)
	var b, c = a + 1, a + 2
	var d, e = pair()
	return a + b + c + d + e
}

func pair() (int, int) { return 1, 2 }

func main() {
	var v string = gs
	var w, z string = gs + "!", "?"
	for i := 0; i < 2; i++ {
		sink = append(sink, func() string { return "a" + v + w + z })
	}
	println(sink[1](), small())
}
