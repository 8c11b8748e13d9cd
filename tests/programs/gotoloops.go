package main

func up(s []int) int {
	i, t := 0, 0
loop:
	if i < len(s) {
		t += s[i]
		i++
		goto loop
	}
	return t
}

func byTwo(s []int) int {
	i, t := 0, 0
loop:
	if i < len(s) {
		t += s[i]
		i += 2
		goto loop
	}
	return t
}

func down(s []int) int {
	i, t := len(s)-1, 0
loop:
	if i >= 0 {
		t += s[i]
		i--
		goto loop
	}
	return t
}

func fromParam(s []int, i int) int {
	t := 0
loop:
	if i < len(s) {
		t += s[i]
		i++
		goto loop
	}
	return t
}

func withStatement(s []int) int {
	i, t := 0, 0
loop:
	t++
	if i < len(s) {
		t += s[i]
		i++
		goto loop
	}
	return t
}

func twoGotos(s []int) int {
	i, t := 0, 0
loop:
	if i < len(s) {
		if s[i] == 3 {
			i++
			goto loop
		}
		t += s[i]
		i++
		goto loop
	}
	return t
}

func stepFirst(s []int) int {
	i, t := -1, 0
loop:
	if i < len(s)-1 {
		i++
		t += s[i]
		goto loop
	}
	return t
}

func inner(g [][]int) int {
	t := 0
	for _, row := range g {
		j := 0
	next:
		if j < len(row) {
			t += row[j]
			j++
			goto next
		}
	}
	return t
}

func written(s []int) int {
	i, t := 0, 0
loop:
	if i < len(s) {
		t += s[i]
		i++
		if t > 100 {
			i = 0
		}
		goto loop
	}
	return t
}

func stepFor() int {
	s := []int{1, 2, 3, 4, 5}
	t := 0
	for i := -1; i < len(s)-1; {
		i++
		t += s[i]
	}
	return t
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	println(up(s), byTwo(s), down(s), fromParam(s, 1), fromParam(s, 9))
	println(withStatement(s), twoGotos(s), stepFirst(s), inner([][]int{{1, 2}, {3}}), written(s))
	println(stepFor())
}
