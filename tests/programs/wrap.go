// Integer arithmetic: wrap-around at every width, signed and unsigned
// shifts, shifts by large counts, conversions that truncate.
package main

func main() {
	var i8 int8 = 127
	i8++
	println(i8)
	var u8 uint8 = 0
	u8--
	println(u8)
	var i16 int16 = -32768
	i16 = -i16
	println(i16)
	var u32 uint32 = 1 << 31
	println(u32*2, u32+u32-1)
	var i64 int64 = 9223372036854775807
	i64++
	println(i64)
	var u64 uint64 = 0
	u64 = u64 - 1
	println(u64)

	x := -8
	println(x>>1, x<<2, uint(1)<<63)
	var s uint = 70
	println(1<<s == 0, x>>s, int32(-1)>>31)
	var n int32 = 1
	for i := 0; i < 40; i += 8 {
		println(i, n<<i)
	}
	big := 300
	big2 := 70000
	println(uint8(big), int8(big), int16(big2), uint16(big2))
	m := -5
	println(m/2, m%2, uint32(m))
	var h uint32 = 2166136261
	for _, c := range []byte("minigo") {
		h ^= uint32(c)
		h *= 16777619
	}
	println(h)
}
