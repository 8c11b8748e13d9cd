package main

// types2's errors for maps: key types without ==, duplicate and missing
// keys in literals, taking the address of an entry, assigning to a field
// of one, delete of a non-map, indexing with the wrong key type.

type T struct{ f int }

var bad map[[]int]string

var dup = map[string]int{"a": 1, "b": 2, "a": 3}

var mixed = map[interface{}]int{1: 1, 1.0: 2, 1: 3}

func f(m map[string]T, n []int) {
	_ = &m["a"]
	m["a"].f = 1
	delete(n, 1)
	_ = m[1]
	var x = map[string]int{1}
	_ = x
}

func main() {
	f(nil, nil)
}
