package main

// Division by a float constant: by a power of two it is compiled as a
// multiplication by the exact reciprocal; other divisors, and powers of two
// whose reciprocal is not a normal number, stay divisions. The results must
// be the same either way, including for zeros, infinities, NaN and subnormals.

const huge = 8.98846567431158e307 // 2^1023: its reciprocal is subnormal

func halves(xs []float64) []float64 {
	var out []float64
	for _, x := range xs {
		out = append(out, x/2, x/0.25, x/-8, x/3, x/huge, x/0x1p-1022)
	}
	return out
}

func halves32(xs []float32) []float32 {
	var out []float32
	for _, x := range xs {
		out = append(out, x/2, x/0.125, x/-16, x/10, x/0x1p127)
	}
	return out
}

func main() {
	zero := 0.0
	inf := 1 / zero
	xs := []float64{1, -3.5, 0, -zero, inf, -inf, zero / zero, 5e-324, 1.7976931348623157e308, 0.1}
	for _, v := range halves(xs) {
		println(v)
	}
	var ys []float32
	for _, x := range xs {
		ys = append(ys, float32(x))
	}
	for _, v := range halves32(ys) {
		println(v)
	}
}
