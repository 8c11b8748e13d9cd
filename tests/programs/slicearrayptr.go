package main

// Converting a slice to a pointer to an array (Go 1.17): the pointer is the
// slice's, after a length check that panics with Go's runtime error; the
// slice's backing array flows to the result.

type Int4 [4]int
type PInt4 *[4]int

var sink *[2]int

func head(s []int) *[2]int { return (*[2]int)(s) }

func keep(s []int) { sink = (*[2]int)(s) }

func first3(s []byte) [3]byte { return *(*[3]byte)(s) }

func main() {
	s := make([]int, 5, 8)
	for i := range s {
		s[i] = i * 10
	}
	p := (*Int4)(s)
	p[1] = 7
	q := PInt4(s[1:])
	println(s[1], q[0], len(p), &p[0] == &s[0], head(s)[1])
	local := []int{1, 2, 3}
	keep(local)
	println(sink[0], first3([]byte("xyz"))[2])
	var nilSlice []int
	empty := []int{}
	println((*[0]int)(nilSlice) == nil, (*[0]int)(empty) != nil)
	defer func() {
		err := recover().(error)
		println(err.Error())
		_ = (*[3]int)(s[3:])
	}()
	_ = (*[6]int)(s)
}
