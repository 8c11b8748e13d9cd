// Inlining with complex numbers: constants keep their source text; real,
// imag and complex print in parentheses inside an expression, as gc's
// OpPrec leaves them out.
package main

const Q = (3 + 4i) / (1 - 2i)

func f() complex128 { return 1 + 2i }
func g() complex64  { return Q * 2 }
func h(c complex128) float64 { return real(c*c) - imag(-c) }
func k(a, b float64) complex128 { return complex(a+1, b) / 3 }

func main() {
	println(f(), g(), h(1i), k(1, 2), real(Q))
}
