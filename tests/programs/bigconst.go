// Untyped constants beyond float64 and int128: go/constant keeps integers
// exact up to 512 bits and floats as exact fractions up to 4096-bit parts,
// then as 512-bit binary floats (Go's test/fixedbugs/issue11326b.go).
package main

const (
	big     = 1 << 200
	bigger  = big * big
	huge    = 1e646456992
	tiny    = 1e-646456992
	p1074   = 1.0 / (1 << 500) / (1 << 500) / (1 << 74)
	third   = 1.0 / 3
	hugeRat = 1e1000 * 1e1000 / 1e1999
)

func main() {
	println(big>>190, bigger>>395, bigger/big == big)
	x := huge / 1e646456991
	println(x, tiny*huge, huge > 1e646456991, -huge < tiny)
	println(p1074, p1074/2*3, p1074 > 0)
	println(third*3 == 1, float32(third), hugeRat)
	var u uint64 = big >> 137
	var i int8 = -big >> 193
	println(u, i, ^uint8(big>>197))
	println(1e1300/1e1299, 0x1p5000/0x1p4999, 5e-1300*2e1300)
	const neg = -(1 << 300) >> 299
	println(-5>>1, -1>>10, neg, ^0&^5, -7%3, -7/2, ^uint8(3), ^int8(3))
}
