package main

// gc compares a string with a short constant string (1 to 16 bytes) byte
// by byte, copying an index like a[i%20] of the other side to a temporary
// first: that index keeps its check and gets no "index bounds check
// elided". Against "", a longer constant, or with <, it is walked as usual.

var g0 = 7

func main() {
	var a [20]string
	println(a[uint(g0)%20] != "xyz")
	println("x" == a[uint(g0)%20])
	b := a[uint(g0)%20] != "xyz"
	println(b, a[uint(g0)%20])
	println(a[uint(g0)%20] == "")
	println(a[uint(g0)%20] == "0123456789abcdefg")
	println(a[uint(g0)%20] < "x")
	i := uint(g0) % 20
	println(a[i] == "y", a[uint8(g0)%20] == "z")
}
