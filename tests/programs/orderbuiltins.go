// gc's order pass runs len, cap, copy, make, append, []byte(s) and type
// assertions to non-pointer types in call order: a later call that changes
// the operand does not change their value, and a panicking one stops the
// calls after it (minigo ran only calls in that order before).
package main

var s = []int{1, 2, 3}
var cnt int

func grow() int { s = append(s, 4); cnt++; return cnt }

//go:noinline
func f(a, b int) int { return a*10 + b }

func assertFirst(x interface{}) (r int) {
	defer func() {
		if recover() != nil {
			r = -cnt
		}
	}()
	return f(x.(int), grow())
}

func main() {
	println(len(s), grow(), len(s))
	println(f(len(s), grow()), cap(s) > 0)
	t := []int{9, 9, 9, 9, 9, 9}
	println(copy(t, s), grow(), t[4])
	println(assertFirst("x"), assertFirst(5))
	var p *int
	println(p == nil, len(make([]int, cnt)), grow())
	b := []byte("ab")
	println(string(append(b, 'c')), grow())
}
