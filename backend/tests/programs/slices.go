package main

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	var s []int
	for i := 0; i < 10; i++ {
		s = append(s, i)
		println(len(s), cap(s))
	}
	println(s[3], sum(s...), sum(), sum(1, 2, 3))
	t := s[2:5]
	println(len(t), cap(t), t[0])
	t = append(t, 100)
	println(s[5], len(t), cap(t))
	u := s[2:4:6]
	println(len(u), cap(u))
	m := make([]int, 3, 10)
	println(len(m), cap(m), m[2])
	n := copy(m, s)
	println(n, m[0], m[1], m[2])
	n = copy(s[1:], s)
	println(n, s[0], s[1], s[2], s[9])
	bs := make([]byte, 5)
	n = copy(bs, "hello world")
	println(n, string(bs))
	bs = append(bs, " there"...)
	println(string(bs), len(bs), cap(bs))
	lit := []string{"a", "b", 4: "e"}
	println(len(lit), lit[4], lit[2] == "")
	var arr [5]int
	for i := range arr {
		arr[i] = i * i
	}
	brr := arr
	brr[0] = 99
	println(arr[0], brr[0], len(arr))
	as := arr[1:3]
	as[0] = 42
	println(arr[1], len(as), cap(as))
	p := &arr
	println(p[4], len(p))
	for i, v := range p {
		if i == 2 {
			println(v)
		}
	}
	grid := [][]int{{1, 2}, {3, 4, 5}}
	total := 0
	for _, row := range grid {
		for _, v := range row {
			total += v
		}
	}
	println(total, len(grid[1]))
	var ss []string
	ss = append(ss, "x", "y")
	ss = append(ss, ss...)
	println(len(ss), ss[3])
	big := make([]int64, 0)
	for i := 0; i < 2000; i++ {
		big = append(big, int64(i))
	}
	println(len(big), cap(big))
}
