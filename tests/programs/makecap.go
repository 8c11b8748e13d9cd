// make([]T, n, c) with a constant capacity, a variable length and a slice
// that does not escape lives in the frame; a length over the capacity must
// still panic as Go's walk makes it (minigo overran the stack array: found
// by minigo-fuzz, and listed in the fuzzing issue).
package main

var g0 = 7

func sum(n int) (s int) {
	defer func() {
		if r := recover(); r != nil {
			s = -1
		}
	}()
	a := make([]uint16, n, 4)
	for i := range a {
		a[i] = uint16(i)
		s += int(a[i])
	}
	return s
}

func main() {
	println(sum(3), sum(4), sum(5), sum(-1))
	b := make([]int, 1+g0%8, 2)
	println(len(b))
}
