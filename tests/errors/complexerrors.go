// Type errors of complex numbers, in types2's words.
package main

func main() {
	var c complex128 = 1 + 2i
	var d complex64
	var f float64 = 2
	var i int
	_ = c < c
	_ = float64(c)
	_ = complex128(f)
	_ = complex(f, i)
	_ = complex(c, c)
	_ = real(f)
	_ = c % c
	var g float64 = 1 + 2i
	var h int = 3 + 0i
	_ = c + d
	_ = imag(1 << i)
	_ = g + float64(h)
	_ = 1i / 0
	const k int = 1i
}
