// Constants: iota in its forms, typed and untyped constants, Go's exact
// arithmetic on untyped constants before conversion.
package main

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f
)

const big = 1 << 100
const huge = big >> 98
const third = 1.0 / 3
const typed int8 = -128

const (
	red = iota + 'a'
	green
	blue
)

func main() {
	println(Sunday, Monday, Tuesday, Thursday)
	println(KB, MB, GB)
	println(a, b, c, d, e, f)
	println(huge, big/big)
	println(third*3 == 1, int(third*300))
	t := typed
	println(typed, -t, t-1)
	println(red, green, blue, string(rune(blue)))
	var x uint8 = 255
	const mask = 0xF0
	println(x&mask, x&^mask, x|mask, x^mask)
	println(len("héllo"), 7/2, -7/2, 7%3, -7%3, 7.0/2)
}
