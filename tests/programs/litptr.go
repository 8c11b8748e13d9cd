// Pointers to slice literals, ranging over a nil pointer to an array
// without reading elements, and switches on interface values.
package main

func first(a []int) int {
	return a[0]
}

type pair struct{ a, b int }

func kind(x interface{}) string {
	switch x {
	case 42:
		return "answer"
	case "hi":
		return "greeting"
	case pair{1, 2}:
		return "pair"
	case nil:
		return "nil"
	}
	return "other"
}

func main() {
	a := &[]int{12, 13}
	println((*a)[1], first(*a), len(*a))
	*a = append(*a, 14)
	println(len(*a), (*a)[2])
	var arr *[10]int
	s := 0
	for i, _ := range arr {
		s += i
	}
	for i := range arr {
		s += i
	}
	println(s)
	println(kind(7), kind(42), kind("hi"), kind("ho"), kind(pair{1, 2}), kind(pair{2, 1}), kind(nil))
}
