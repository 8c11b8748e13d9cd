package main

// Typed constant arithmetic that overflows.

const small int8 = 100

func main() {
	x := small * 2
	var y int8 = small + small
	const big = 1 << 62
	z := big * 4
	var w int32 = 1 << 40
	println(x, y, z, w)
}
