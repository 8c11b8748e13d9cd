package main

// A range loop assigns its iteration variables as one parallel assignment:
// `for i, x[i] = range y` indexes x with the old i (Go's test/range.go).
// len and cap of an array pointer are constants unless the operand
// receives from a channel or calls a function, which then run (const4.go).

var calls int

func arr() *[4]int {
	calls++
	return nil
}

func main() {
	x := []int{10, 20}
	i := 1
	for i, x[i] = range []int{99} {
		break
	}
	println(i, x[0], x[1])

	r := []rune{'a', 'b'}
	j := 1
	for j, r[j] = range "c" {
		break
	}
	println(j, r[0], r[1])

	m := map[int]int{7: 8}
	k := []int{0, 0}
	n := 1
	for n, k[n] = range m {
	}
	println(n, k[0], k[1])

	c := make(chan *[5]int, 2)
	c <- nil
	c <- new([5]int)
	println(len(<-c), cap(<-c), len(c))
	println(len(arr()), cap(arr()), calls)
}
