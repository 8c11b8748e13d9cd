// Slices: append growth (Go 1.19's capacities), sharing of backing arrays,
// copy, three-index slices, arrays as values, bounds panics at the end.
package main

func main() {
	var s []int
	last := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != last {
			println("len", len(s), "cap", cap(s))
			last = cap(s)
		}
	}
	b := []byte{}
	for i := 0; i < 100; i++ {
		b = append(b, byte(i))
	}
	println(len(b), cap(b))

	a := []int{1, 2, 3, 4, 5}
	t := a[1:3]
	println(len(t), cap(t))
	t = append(t, 99)
	println(a[3])
	u := a[1:3:3]
	u = append(u, 100)
	println(a[3], u[2], cap(u))

	dst := make([]int, 3)
	n := copy(dst, a)
	println(n, dst[0], dst[2])
	n = copy(dst, a[4:])
	println(n, dst[0])

	arr := [3]int{1, 2, 3}
	arr2 := arr
	arr2[0] = 9
	println(arr[0], arr2[0], len(arr))
	m := make([]string, 2, 10)
	m = append(m, "x", "y")
	println(len(m), cap(m), m[3])
	m = append(m, m...)
	println(len(m), cap(m))

	var grid [3][4]int
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = i * j
		}
	}
	println(grid[2][3])
	idx := 5
	println(a[idx])
}
