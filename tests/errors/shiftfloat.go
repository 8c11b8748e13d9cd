// A non-constant shift of an untyped constant whose context makes it a
// float is an error (Go's bug363.go and bug193.go; minigo accepted them and
// its backend failed with an internal compiler error).
package main

func main() {
	var i uint = 33
	var a = (1 << i) + 4.5
	println(a)
	var c int64 = (1 << i) + 4.0
	println(c)
}
