package main

// Map panics: assignment to a nil map, and unhashable dynamic key types in
// interface-keyed maps (Go panics when hashing them), read back through
// recover; a nil map read is fine.

type K struct {
	name string
	v    interface{}
}

func try(name string, f func()) {
	defer func() {
		if e, ok := recover().(error); ok {
			println(name+":", e.Error())
		}
	}()
	f()
}

func main() {
	try("nil map", func() {
		var m map[string]int
		println(m["a"], len(m))
		m["a"] = 1
	})
	try("unhashable slice", func() {
		m := map[interface{}]int{}
		m[[]int{1}] = 1
	})
	try("unhashable lookup", func() {
		m := map[interface{}]int{1: 1}
		_ = m[map[int]int{}]
	})
	try("unhashable field", func() {
		m := map[K]int{}
		m[K{"a", func() {}}] = 1
	})
	var m map[int]int
	m[1]++
}
