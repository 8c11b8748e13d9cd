// Complex constants that do not fit where they are used, and division by a
// zero complex constant.
package main

func main() {
	var h int = 3 + 0i
	_ = h
	_ = 1i / 0
	const k int = 1i
	const q = 1.5 + 0i
	var a [real(q * 2)]int
	var s []int = make([]int, 2+0i)
	_, _ = a, s
	var n = 1e400i
	_ = n
	var u uint8 = complex(256, 0)
	_ = u
}
