// Strings and runes: byte indexing, range over UTF-8, conversions between
// string, []byte and rune, concatenation and comparison.
package main

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func countRunes(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

func main() {
	s := "héllo, 世界"
	println(len(s), countRunes(s))
	for i, r := range s {
		println(i, r, string(r))
	}
	println(s[0], s[1], s[7:])
	println(reverse("stressed"))
	t := "go"
	t += "pher"
	println(t, t == "gopher", t < "goqher", "a" > "B")
	var r rune = 'ß'
	println(r, string(r), string(rune(65)))
	b := []byte("abc")
	b[0] = 'X'
	println(string(b), len(b), cap(b) >= 3)
	println(string([]byte{}) == "", "" + "x" + "")
	invalid := string(rune(-1))
	println(len(invalid), invalid == "\uFFFD")
	for _, r := range "a\xffb" {
		println(r)
	}
}
