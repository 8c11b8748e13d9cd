package main

// complex of a multi-value call and of mismatched or non-float parts:
// types2's messages, for calls and for separate arguments alike.

func f() (float32, float64) { return 1, 2 }
func g() (int, int)         { return 1, 2 }
func h() (float64, float64) { return 1, 2 }

func main() {
	_ = complex(f())
	_ = complex(g())
	var a float32
	var b float64
	_ = complex(a, b)
	_ = complex(1, "x")
	println(real(complex(h())))
}
