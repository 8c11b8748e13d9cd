// Types must fit the address space (gc's CalcSize: 1<<50 bytes on 64-bit
// targets), and a package variable the linker's 2e9-byte symbol limit;
// minigo accepted [1<<62]int and failed to link [1<<31]byte (listed in
// issue 13).
package main

var big [1 << 62]int
var huge [1 << 31]byte
var fine [1 << 20]byte

func main() {
	var local [1 << 60]int64
	println(len(big), len(huge), len(fine), len(local))
}
