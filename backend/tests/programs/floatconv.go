// Float-to-integer conversions of NaN, infinities and out-of-range values:
// implementation-specific in Go, and gc's amd64 and arm64 code differ
// (floatconv.arm64.out.txt holds what arm64 prints).
package main

var values = []float64{0, -0.5, 1.9, -1.9, 127.5, 300.7, -300.7, 40000.2, 70000.9, -70000.9,
	2147483647.5, 2147483648.5, -2147483649.5, 4294967296.5, 1e19, -1e19, 1.8e19, 1e20, -1e20}

func main() {
	var zero float64
	all := append(values, zero/zero, 1/zero, -1/zero)
	for _, f := range all {
		println(f, int8(f), int16(f), int32(f), int64(f), int(f))
		println(" ", uint8(f), uint16(f), uint32(f), uint64(f), uint(f), uintptr(f))
		g := float32(f)
		println(" ", int8(g), int32(g), int64(g), uint32(g), uint64(g))
	}
}
