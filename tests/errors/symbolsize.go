// A package variable larger than the linker's 2e9-byte symbol limit is an
// error gc reports once the package compiles; minigo's link failed with
// relocation errors (listed in issue 13).
package main

var g [1 << 31]byte

func main() {
	g[5] = 1
	println(g[5], len(g))
}
