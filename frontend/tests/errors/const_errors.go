package main

// Constant declaration errors.

func f() int { return 1 }

const a = f()

const b, c = 1

var x = iota

func main() {
	n := 3
	const d = n
	var arr [n]int
	println(a, b, c, d, arr, x)
}
