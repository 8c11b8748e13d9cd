package main

// The inline costs and escape decisions of map operations: index, comma-ok,
// assignment (the key of a put escapes), delete, make with and without a
// hint, literals (keys and values escape), range, op= and ++, len, array
// and interface keys.

func f1(m map[string]int, k string) int { return m[k] }
func f2(m map[string]int, k string) { m[k] = 1 }
func f3(m map[string]int, k string) bool { _, ok := m[k]; return ok }
func f4(m map[string]int, k string) { delete(m, k) }
func f5() map[string]int { return make(map[string]int) }
func f6(n int) map[string]int { return make(map[string]int, n) }
func f7() map[string]int { return map[string]int{"a": 1, "b": 2} }
func f8(m map[string]int) int {
	s := 0
	for k, v := range m {
		s += v + len(k)
	}
	return s
}
func f9(m map[string]int, k string) { m[k] += 2 }
func f10(m map[string]int, k string) { m[k]++ }
func f11(m map[string]int) int { return len(m) }
func f12(m map[[2]int]*int, k [2]int, p *int) { m[k] = p }
func f13(m map[interface{}]int, k int) int { return m[k] }

var sink interface{}

func main() {
	m := f5()
	f2(m, "x")
	println(f1(m, "x"), f3(m, "y"), f8(f7()), f11(f6(3)))
	f4(m, "x")
	f9(m, "a")
	f10(m, "b")
	x := 1
	f12(map[[2]int]*int{}, [2]int{1, 2}, &x)
	println(f13(map[interface{}]int{1: 2}, 1))
}
