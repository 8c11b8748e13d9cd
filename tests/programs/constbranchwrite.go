// A local defined by a constant and then changed by ++, op=, a range
// clause or a comma-ok receive is not a constant: a branch on it is not
// folded (fuzz seed 780000 looped forever when `i++` was taken for no
// reassignment, as gc's StaticValue takes it). Not inlined: an inlined
// copy's locals have no known definition.
package main

//go:noinline
func count() int {
	i := 0
	for {
		if i >= 3 {
			break
		}
		i++
	}
	return i
}

//go:noinline
func scaled() int {
	k := 1
	k *= 5
	if k == 1 {
		return -1
	}
	return k
}

//go:noinline
func ranged(s []int) int {
	j := 0
	for j = range s {
	}
	if j == 0 {
		return -1
	}
	return j
}

//go:noinline
func received(ch chan int) int {
	v, ok := 0, false
	v, ok = <-ch
	if ok && v == 0 {
		return -1
	}
	return v
}

func pick(c bool) int {
	if c {
		return 1
	}
	return 2
}

func main() {
	ch := make(chan int, 1)
	ch <- 9
	println(count(), scaled(), ranged([]int{1, 2, 3}), received(ch), pick(true), pick(false))
}
