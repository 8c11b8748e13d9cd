package main

var (
	a    = b * 2
	b    = c + 1
	c    = 3
	name = "g" + "lobal"
	arr  [4]int
	pt   struct{ x, y int }
	list []string
)

func init() {
	list = append(list, "first")
	arr[2] = 9
}

func init() {
	list = append(list, "second")
	pt.y = a
}

func main() {
	println(a, b, c, name, arr[2], pt.y, len(list), list[0], list[1])
}
