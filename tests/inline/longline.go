// gc keeps 8 bits of column in a position: from column 255 on, it prints
// file:line without a column, and sorts such positions by line alone
// (found by minigo-fuzz, seeds 91071 and 91096).
package main

var g = 1

func f(x int) int { return x * 2 }

func main() {
	s := make([]string, 3)
	x := g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + g + f(g) + len(s) + len(make([]string, g))
	println(x, s[0])
}
