// Oracle for print.c: Go 1.19's print/println formats (output on stderr).
package main

import "unsafe"

//go:noinline
func f64(x float64) float64 { return x }

func main() {
	println(0, 1, -1, 123456789, -9223372036854775808, 9223372036854775807)
	println(uint64(18446744073709551615), uint(0), uint8(255), int8(-128), int32(-5))
	zero := f64(0)
	floats := []float64{
		0, -zero, 1, -1, 1.5, -1.5, 0.1, 0.5, 2.5, 10, 100, 123456789, 1e100, 1e-5,
		1e300, 1e-300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
		9.9999999, 9.99999949, 0.999999951, 1.0 / 3, 2.0 / 3, 3.14159265358979,
		-2.718281828459045, 6.02214076e23, 1.602176634e-19, 4503599627370497,
		float64(float32(0.1)), float64(float32(1.1)), zero / zero, 1 / zero, -1 / zero,
	}
	for _, f := range floats {
		println(f)
	}
	println(float32(16777217), float32(-3.25))
	println(true, false)
	println("hello", "", "w\xc3\xb6rld", "a\x00b")
	print("a", "b", 1, 2, true, "\n")
	print()
	println()
	println(unsafe.Pointer(nil), unsafe.Pointer(uintptr(0xdeadbeef)), unsafe.Pointer(uintptr(1)))
	var p *int
	println(p)
	println([]int(nil))
	println(unsafe.Slice((*int)(unsafe.Pointer(uintptr(0x1000))), 3))
	var e interface{}
	println(e)
	for i := 0; i < 4000; i++ {
		println("line", i, float64(i)*0.25)
	}
	// pseudo-random doubles (xorshift64, same sequence in print.c)
	x := uint64(88172645463325252)
	for i := 0; i < 3000; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		f := *(*float64)(unsafe.Pointer(&x))
		println(f, float64(x%2000000)/1024, float64(int64(x>>11))*1e-9, int64(x), x)
	}
	print("tail without newline")
}
