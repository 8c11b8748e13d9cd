// A range over a map reads the key and value through the iterator's
// pointers (walk's *hit.key, *hit.elem). The loop condition tests the key
// pointer, so its check goes; the value pointer keeps an explicit check when
// nothing reads through it right after: a value with pointers copied into
// memory (gc defines the variable first), or a value nothing reads.
package main

type Big struct {
	s string
	a [20]int
}

type Plain struct {
	a [20]int
}

type Pair struct {
	a, b int
}

//go:noinline
func ints(m map[int]int) (r int) {
	for k, v := range m {
		r += k*10 + v
	}
	return
}

//go:noinline
func keys(m map[int]int) (r int) {
	for k := range m {
		r += k
	}
	return
}

//go:noinline
func values(m map[int]int) (r int) {
	for _, v := range m {
		r += v
	}
	return
}

//go:noinline
func bigValues(m map[int]Big) (r int) {
	for k, v := range m {
		r += k + v.a[3] + len(v.s)
	}
	return
}

//go:noinline
func bigValuesOnly(m map[int]Big) (r int) {
	for _, v := range m {
		r += v.a[3] + len(v.s)
	}
	return
}

//go:noinline
func plainValues(m map[int]Plain) (r int) {
	for k, v := range m {
		r += k + v.a[3]
	}
	return
}

//go:noinline
func bigKeys(m map[Big]int) (r int) {
	for k, v := range m {
		r += v + k.a[3]
	}
	return
}

//go:noinline
func pairs(m map[string]Pair) (r int) {
	for k, v := range m {
		r += len(k) + v.a - v.b
	}
	return
}

//go:noinline
func arrayKeys(m map[[2]uint32]string) (r int) {
	for k, v := range m {
		r += int(k[0]+k[1]) + len(v)
	}
	return
}

//go:noinline
func count(m map[int]int) (r int) {
	for range m {
		r++
	}
	return
}

//go:noinline
func unreadValue(m map[int]int) (r *int) {
	for k, v := range m {
		r = &k
		_ = v
	}
	return
}

//go:noinline
func escapingValue(m map[int]int) (r *int) {
	for k, v := range m {
		r = &v
		_ = k
	}
	return
}

//go:noinline
func ifaces(m map[interface{}]interface{}) (r int) {
	for k, v := range m {
		if k == v {
			r++
		}
	}
	return
}

//go:noinline
func assigned(m map[int]Big) (r int) {
	var k int
	var v Big
	for k, v = range m {
		r += k + v.a[1]
	}
	return r + len(v.s)
}

//go:noinline
func blankValues(m map[int]Big) (r int) {
	for k, _ := range m {
		r += k
	}
	return
}

//go:noinline
func emptyValues(m map[int]struct{}) (r []struct{}) {
	for _, v := range m {
		r = append(r, v)
	}
	return
}

func main() {
	m := map[int]int{1: 2, 3: 4}
	big := map[int]Big{1: {s: "ab", a: [20]int{3: 5, 1: 7}}}
	println(ints(m), keys(m), values(m), count(m), count(nil))
	println(bigValues(big), bigValuesOnly(big), assigned(big), assigned(nil))
	println(plainValues(map[int]Plain{2: {a: [20]int{3: 9}}}), bigKeys(map[Big]int{{s: "x", a: [20]int{3: 1}}: 4}))
	println(pairs(map[string]Pair{"abc": {5, 2}}), arrayKeys(map[[2]uint32]string{{1, 2}: "xy"}))
	println(*unreadValue(map[int]int{6: 7}), *escapingValue(map[int]int{6: 7}), unreadValue(nil) == nil)
	println(ifaces(map[interface{}]interface{}{1: 1, "a": "b", 2.5: 2.5}))
	println(blankValues(big), len(emptyValues(map[int]struct{}{1: {}, 2: {}})))
}
