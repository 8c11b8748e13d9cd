// gc's order pass copies a map key into a temporary where it meets it,
// unless the map has a fast access routine (keys of 4 or 8 bytes of plain
// memory, or strings, and values of at most 128 bytes): then the key is
// computed with the rest of the statement, after its calls. A key that
// panics runs before or after a call on the right (fuzz seed 910023).
package main

var cs int
var z int

type pair struct{ a, b int }

//go:noinline
func f() int { cs++; return 1 }

func slowKey() {
	defer func() { recover() }()
	m := map[int8]int{}
	m[int8(2/z)] = f()
}

func fastKey() {
	defer func() { recover() }()
	m := map[int64]int{}
	m[int64(2/z)] = f()
}

func arrayKey() {
	defer func() { recover() }()
	m := map[[2]int]int{}
	m[[2]int{2 / z, 1}] = f()
}

func bigValue() {
	defer func() { recover() }()
	m := map[int]([20]int){}
	m[2/z] = [20]int{f()}
}

func readSlowKey() (r int) {
	defer func() { recover() }()
	m := map[pair]int{}
	return m[pair{2 / z, 0}] + f()
}

func deleteSlowKey() {
	defer func() { recover() }()
	m := map[float64]int{}
	delete(m, float64(2/z)+float64(f()))
}

func main() {
	slowKey()
	println(cs)
	fastKey()
	println(cs)
	arrayKey()
	println(cs)
	bigValue()
	println(cs)
	readSlowKey()
	println(cs)
	deleteSlowKey()
	println(cs)
}
