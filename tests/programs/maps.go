package main

// Maps: every comparable key kind, literals, comma-ok, delete, len, range,
// nil maps, NaN and ±0 keys, struct and array keys, interface keys, values
// updated in place, growth and deletion during iteration.

type Point struct{ X, Y int }

type Key struct {
	name string
	id   int8
	f    float64
}

type Shape interface{ Area() int }

type Sq int

func (s Sq) Area() int { return int(s * s) }

func sumInts(m map[int]int) int {
	s := 0
	for k, v := range m {
		s += k * v
	}
	return s
}

func main() {
	var nilMap map[string]int
	println(len(nilMap), nilMap["x"], nilMap == nil)
	_, ok := nilMap["y"]
	delete(nilMap, "z")
	println(ok)

	m := make(map[string]int)
	words := []string{"a", "b", "a", "c", "b", "a"}
	for _, w := range words {
		m[w]++
	}
	println(len(m), m["a"], m["b"], m["c"], m["d"])
	if v, ok := m["b"]; ok {
		println("b", v)
	}
	delete(m, "b")
	_, ok = m["b"]
	println(len(m), ok)

	ints := map[int]int{1: 10, 2: 20, 3: 30}
	ints[4] = 40
	ints[2] += 5
	println(sumInts(ints), len(ints))

	points := map[Point]string{{1, 2}: "a", {3, 4}: "b"}
	points[Point{5, 6}] = "c"
	println(points[Point{3, 4}], points[Point{1, 2}], points[Point{5, 6}], len(points))

	keys := map[Key]int{}
	keys[Key{"x", 1, 0.5}] = 1
	keys[Key{"x", 1, 0.5}] += 1
	keys[Key{"x", 2, 0.5}] = 3
	println(len(keys), keys[Key{"x", 1, 0.5}])

	arrays := map[[3]byte]bool{{1, 2, 3}: true}
	println(arrays[[3]byte{1, 2, 3}], arrays[[3]byte{1, 2, 4}])

	floats := map[float64]int{}
	zero := 0.0
	floats[zero] = 1
	floats[-zero] = 2
	nan := zero / zero
	floats[nan] = 3
	floats[nan] = 4
	println(len(floats), floats[0], floats[nan])

	ifaces := map[interface{}]string{1: "int", "1": "string", 1.0: "float", Point{1, 1}: "point", nil: "nil"}
	println(ifaces[1], ifaces["1"], ifaces[1.0], ifaces[Point{1, 1}], ifaces[nil], len(ifaces))

	shapes := map[Shape]int{Sq(2): 1, Sq(3): 2}
	println(shapes[Sq(2)], shapes[Sq(3)], shapes[Sq(4)])

	type pair struct{ a, b *int }
	x, y := 1, 2
	ptrs := map[pair]int{{&x, &y}: 1}
	println(ptrs[pair{&x, &y}], ptrs[pair{&y, &x}])

	big := make(map[int]int, 10)
	for i := 0; i < 1000; i++ {
		big[i] = i * i
	}
	for i := 0; i < 1000; i += 2 {
		delete(big, i)
	}
	s := 0
	for k, v := range big {
		s += k + v
	}
	println(len(big), s)

	grow := map[int]bool{0: true}
	n := 0
	for k := range grow {
		n++
		if k < 100 {
			grow[k+1] = true
		}
		delete(grow, k)
	}
	println(n > 0, len(grow) <= 100)

	bytesKey := map[string][]int{}
	bytesKey["x"] = append(bytesKey["x"], 1, 2)
	bytesKey["x"] = append(bytesKey["x"], 3)
	println(len(bytesKey["x"]), bytesKey["x"][2])

	nested := map[string]map[string]int{}
	for _, w := range []string{"a:1", "a:2", "b:1"} {
		outer, inner := w[:1], w[2:]
		if nested[outer] == nil {
			nested[outer] = map[string]int{}
		}
		nested[outer][inner]++
	}
	println(len(nested), len(nested["a"]), nested["b"]["1"])

	// An element or a field of a map's value (a regression: the backend
	// asked for the address of the map entry).
	rows := map[int][3]int{1: {4, 5, 6}}
	structs := map[string]Point{"p": {7, 8}}
	println(rows[1][2], rows[2][0], structs["p"].Y, structs["q"].X)
}
