// []byte of a constant string is an array of exactly its length (gc's
// walkStringToBytes), in the frame when it does not escape, on the heap
// otherwise: append grows it from that capacity, so
// cap(append([]byte("hello "), "world"...)) is 16 as in Go, not 32.
package main

var sink []byte

func main() {
	b := append([]byte("hello "), "world"...)
	println(string(b), len(b), cap(b))
	c := []byte("")
	println(len(c), cap(c))
	d := []byte("0123456789012345678901234567890123456789")
	println(len(d), cap(d), cap(append(d, 'x')))
	sink = []byte("escapes")
	println(len(sink), cap(sink), cap(append(sink, '!')))
	s := "dyn"
	e := []byte(s + "amic")
	println(len(e), cap(e))
}
