package main

// gc's CSE makes one value of a pure expression read twice in a statement
// with no store between: once one of its checks passed, the check of the
// same bound on the other is proven, string concatenation or not; a call
// between them makes two values.

var gs = "hello"
var g1 uint = 3
var g2 uint = 9

//go:noinline
func equalEnds() bool { return gs[g1%uint(len(gs)+1):] != gs[:g1%uint(len(gs)+1)] }

//go:noinline
func concat() string { return gs[:g1%uint(len(gs)+1)] + gs[:g1%uint(len(gs)+1)] }

//go:noinline
func sliceOfSlice() byte {
	return (gs[g1%uint(len(gs)+1):] + "!")[g2%uint(len(gs[g1%uint(len(gs)+1):])+1)]
}

//go:noinline
func local(s []int, u uint) []int { return append(s[u%uint(len(s)+1):], s[:u%uint(len(s)+1)]...) }

//go:noinline
func other() string {
	g2++
	return "-"
}

//go:noinline
func callBetween() string { return gs[g1%uint(len(gs)+1):] + other() + gs[:g1%uint(len(gs)+1)] }

func main() {
	println(equalEnds(), concat(), sliceOfSlice(), len(local([]int{1, 2, 3}, 5)))
	println(callBetween())
}
