// Slices of named byte and rune types converted to strings: gc converts
// them to []byte and []rune first, and prints that conversion.
package main

type myByte byte
type myRune rune

func main() {
	b := []myByte{104, 105}
	r := []myRune{0x266b}
	println(string(b), string(r), len(string(r)))
}
