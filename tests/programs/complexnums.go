package main

// Complex numbers: literals, constants, complex/real/imag, arithmetic in
// both precisions (Go's products and its division, by zero included),
// comparisons, conversions, map keys, interfaces and printing.

type C complex64

const (
	I  = 1i
	C1 = 3 + 4i
	Q  = C1 / (1 - 2i)
)

func add(a, b complex128) complex128 { return a + b }

func mul64(a, b complex64) complex64 { return a * b }

func div(a, b complex128) complex128 { return a / b }

func parts(c complex128) (float64, float64) { return real(c), imag(c) }

func mk(re, im float32) complex64 { return complex(re, im) }

func describe(x interface{}) string {
	switch v := x.(type) {
	case complex64:
		return "complex64"
	case complex128:
		if v == 0 {
			return "zero complex128"
		}
		return "complex128"
	case C:
		return "C"
	}
	return "other"
}

func main() {
	println(I, C1, Q, real(Q), imag(Q))
	c := add(C1, 2)
	println(c, -c, c == C1+2, c != C1)
	println(mul64(1+2i, 3-4i), mk(1.5, -2))
	println(div(1, 3i), div(1+1i, 0), div(0, 0))
	var zero float64
	inf := 1 / zero
	println(div(complex(inf, 1), 2+3i), div(1, complex(inf, 0)))
	re, im := parts(c)
	println(re, im)
	var f complex64 = complex64(c)
	g := complex128(f) * 1e300
	println(f, g, g*g)
	c += 1i
	c *= c
	c /= 2
	c -= complex(re, 0)
	println(c)
	m := map[complex128]int{}
	nan := zero / zero
	m[complex(nan, 0)] = 1
	m[complex(nan, 0)] = 2
	m[complex(0, 0)] = 3
	m[complex(-zero*1, 0)]++
	println(len(m), m[0])
	var x interface{} = c
	println(describe(x), describe(complex64(1)), describe(C(2)), describe(complex128(0)), x == interface{}(c))
	// complex, real and imag run with the calls of their statement, as
	// gc's order copies them (fixedbugs/bug491.go).
	w := 1.0
	bump := func() int { w = 3; return 2 }
	o1, o2, o3, o4 := complex(w, 0), real(complex(w, 1)), bump(), imag(complex(0, w))
	println(o1, o2, o3, o4)
	var y C = 5 + 1i
	println(y, real(y), imag(complex(float32(1), 2)))
	defer func() {
		println(recover().(complex128))
		panic(C(7i))
	}()
	panic(c)
}
