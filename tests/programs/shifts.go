// Non-constant shifts of untyped constants take their type from the
// context (byte, int64, uint8), or int without one.
package main

func main() {
	s := uint(3)
	var b byte = 0x80 >> s
	row := []byte{0, 0}
	row[1] |= 0x80 >> s
	var x int64 = 1 << s
	y := 1 << s
	println(b, row[1], x, y, 1<<s)
	var u8 uint8 = 1 << (s + 5)
	println(u8)
}
