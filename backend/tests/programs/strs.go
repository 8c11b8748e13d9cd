package main

func greet(name string) string { return "hello, " + name + "!" }

func main() {
	s := greet("gopher")
	println(s, len(s))
	println(s[0], s[7:13], s[:5], s[7:])
	a, b := "abc", "abd"
	println(a == b, a < b, a <= b, a > b, a >= b, a != b, a+b == "abcabd", "" == "")
	for i, r := range "héllo, 世界" {
		println(i, r)
	}
	for i := range "ab" {
		println(i)
	}
	n := 0
	for range "xyz" {
		n++
	}
	println(n)
	bs := []byte(s)
	bs[0] = 'H'
	println(string(bs), len(bs))
	rs := []rune("日本")
	println(len(rs), rs[1], string(rs))
	println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)))
	t := ""
	for i := 0; i < 5; i++ {
		t += string(rune('a' + i))
	}
	println(t)
	var e string
	println(e == "", len(e))
	x := "go"
	x += "lang"
	println(x)
}
