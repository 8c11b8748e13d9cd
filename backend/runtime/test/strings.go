// Oracle for strings.c: concatenation, comparison, conversions and for-range
// decoding in Go 1.19.
package main

var sinkB []byte
var sinkR []rune
var sinkS string

//go:noinline
func id(s string) string { return s }

func bytes(s string) {
	print(len(s), ":")
	for i := 0; i < len(s); i++ {
		print(" ", s[i])
	}
	println()
}

func main() {
	a, b, e := id("foo"), id("barbaz"), id("")
	bytes(a + b)
	bytes(a + e)
	bytes(e + a)
	bytes(e + e)
	bytes(a + e + b + e + a)
	bytes(a + b + a + b + a + b + a + b + a + b)

	strs := []string{"", "a", "b", "ab", "abc", "abd", "b\x00", "\xff", "\x7f", "foo", "foobar"}
	for _, x := range strs {
		for _, y := range strs {
			print(x == y, x != y, x < y, x <= y, x > y, x >= y, " ")
		}
		println()
	}

	runes := []int64{0, 65, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0xffff, 0xfffd, 0x10000, 0x1d11e,
		0x10ffff, 0x110000, -1, 0xd800, 0xdbff, 0xdc00, 0xdfff, 1<<32 + 65, -1 << 63, 1<<31 - 1}
	for _, r := range runes {
		bytes(intToString(r))
		bytes(string(rune(r)))
	}

	tests := []string{"", "x", "hello, world", "h\xc3\xa9llo", "\xe2\x82\xac", "\xf0\x9d\x84\x9e",
		"\xff", "\xc0\x80", "\xc1\xbf", "\xc2\x80", "\xdf\xbf", "\xe0\x9f\xbf", "\xe0\xa0\x80",
		"\xed\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xee\x80\x80", "\xef\xbf\xbf",
		"\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80",
		"\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xe2\x82", "\xe2", "\xf0\x9d\x84",
		"a\x80b", "\xc3", "\xc3(", "\xe2(\xa1", "\xe2\x82(", "\xf0(\x8c\xbc", "\xf0\x90(\xbc",
		"\xf0\x28\x8c\x28", "\x80\x80\x80", "ab\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"}
	for _, s := range tests {
		s = id(s)
		print("range")
		for i, r := range s {
			print(" ", i, "=", r)
		}
		println()
		sinkR = []rune(s)
		println("runes", len(sinkR), cap(sinkR))
		for _, r := range sinkR {
			print(r, " ")
		}
		println()
		sinkS = string(sinkR)
		bytes(sinkS)
		sinkB = []byte(s)
		println("bytes", len(sinkB), cap(sinkB))
		sinkS = string(sinkB)
		bytes(sinkS)
	}
	rs := []rune{65, -1, 0xd800, 0x110000, 0x10ffff, 0x7ff, 0x800, 0, 0xdfff, -1 << 31}
	bytes(string(rs))
	bytes(string(rs[:0]))

	// non-escaping conversions use gc's 32-byte stack buffer
	short := id("short")
	long := id("0123456789012345678901234567890123456789")
	{
		b1 := []byte(short)
		b2 := []byte(long)
		println(len(b1), cap(b1), len(b2), cap(b2))
		r1 := []rune(short)
		r2 := []rune(long)
		println(len(r1), cap(r1), len(r2), cap(r2))
		println(string(b1), string(b2), string(r1), string(r2), short+long, short+short)
	}
}

//go:noinline
func intToString(r int64) string { return string(r) }
