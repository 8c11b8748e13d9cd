// A call's multi-value argument (gc's RewriteMultiValueCall), for calls
// and for append and complex: explanations print the call as it read
// before the inner call was inlined (fixedbugs/issue5793.go).
package main

func two() (*int, *int) { a, b := 1, 2; return &a, &b }

var sink *int

//go:noinline
func g(a, b *int) *int { sink = a; return b }

func main() {
	println(*g(two()))
	s := append(twos())
	c := complex(fl())
	println(len(s), real(c))
}

func twos() ([]*int, *int) { x := 3; return nil, &x }

func fl() (float64, float64) { return 1, 2 }
