package main

func div(a, b int64) (int64, int64) { return a / b, a % b }

func shifts(x int32, n uint, m int) {
	println(x<<n, x>>n, uint32(x)>>n, x<<m, x>>m)
}

func main() {
	var a int8 = 100
	a += 100
	println(a)
	var u uint8 = 3
	u -= 5
	println(u)
	var i16 int16 = -32768
	i16--
	println(i16)
	var u32 uint32 = 1 << 31
	u32 *= 2
	println(u32)
	var big int64 = 9223372036854775807
	big++
	println(big)
	q, r := div(-9223372036854775808, -1)
	println(q, r)
	q, r = div(-7, 2)
	println(q, r)
	var i8 int8 = -128
	var m1 int8 = -1
	println(i8/m1, i8%m1)
	println(7/2, -7/2, 7%-3, -7%3)
	var ux uint64 = 18446744073709551615
	println(ux, ux/3, ux%10)
	shifts(-5, 1, 2)
	shifts(-5, 31, 31)
	shifts(-5, 32, 32)
	shifts(-5, 100, 64)
	shifts(1, 0, 0)
	var b byte = 0x0f
	println(b&^0x05, b|0xf0, b^0xff, ^b, -b)
	println(^0, ^int64(5))
	f := 1.5
	g := f * 3
	println(f, g, f/0.3, -f, f < g, f == 1.5, f != f)
	var zero float64
	nan := zero / zero
	println(nan == nan, nan != nan, nan < 1, 1/zero, -1/zero)
	neg := -2.7
	println(int(f), int(neg), uint8(300.0+f), float64(7)/2, float32(0.1), float64(float32(0.1)))
	println(int64(1e18), uint64(1.8e19), int32(neg-1.2))
	var h uint = 1 << 63
	println(float64(h), float32(h))
	var c int32 = -1
	println(uint64(c), int64(c), uint16(c), int8(int64(c)*300))
	println(5 > 3 && 2 > 1, 5 < 3 || 1 > 2, !true)
}
