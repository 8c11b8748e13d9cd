// How gc prints inlinable bodies (-m=2 "as:" text): explicit nil
// conversions, multi-value calls as arguments, parenthesized constant
// expressions, and switches on constants cut down to the clause that runs.
package main

const debug = false

const a, b = 3, 5

func pair() (int, int) { return 1, 2 }

func add(x, y int) int { return x + y }

func sum() int { return add(pair()) }

func show() { println(pair()) }

func nilPtr() *int { return (*int)(nil) }

func nilFunc() bool { f := (func())(nil); return f == nil }

func mask(v uint64) uint64 {
	v &^= (1 << 3)
	return v | 1<<5
}

func cmp(x, y int) bool { return x < y != (a < b) }

func level() int {
	switch {
	case debug:
		return 2
	default:
		return 1
	}
}

func main() {
	show()
	println(sum(), nilPtr() == nil, nilFunc(), mask(15), cmp(1, 2), level())
}
