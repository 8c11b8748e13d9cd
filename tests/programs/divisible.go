package main

// x % 2^k == 0 is a test of the low k bits, negative x and the extremes
// included (the backend compiles it so, as gc's SSA rules do).

func main() {
	for _, x := range []int{-9, -8, -4, -3, -2, -1, 0, 1, 2, 3, 4, 8, 9, -9223372036854775808, 9223372036854775807} {
		println(x, x%2 == 0, x%4 != 0, 0 == x%8, x%1 == 0)
	}
	var b int8 = -128
	var u uint16 = 65535
	println(b%2 == 0, b%64 == 0, u%2 == 0, u%4 != 0)
}
