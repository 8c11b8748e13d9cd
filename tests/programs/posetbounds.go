package main

// gc's prove orders values in a poset: a strict order between two values
// does not make the larger one at least one more, unless a constant's
// limit says so.

func shrunk(s []int, i int) int {
	_ = s[i]
	s = s[:1]
	return s[i]
}

func aboveThree(s []int, i int) []int {
	if i > 3 && i < len(s) {
		return s[:2]
	}
	return nil
}

func chain(s []int, i, j int) []int {
	if 0 < i && i < j && j < len(s) {
		return s[:2]
	}
	return nil
}

func chainFirst(s []int, i, j int) int {
	if 0 < i && i < j && j < len(s) {
		return s[1]
	}
	return 0
}

func longer(s []int) []int {
	if len(s) > 3 {
		return s[1:3]
	}
	return nil
}

func stepped(s []int, i int) []int {
	if i >= 2 && i < len(s) {
		j := i + 1
		return s[:j]
	}
	return nil
}

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panicked:", r.(error).Error())
		}
	}()
	println(name, f())
}

func main() {
	s := []int{1, 2, 3, 4, 5, 6}
	try("shrunk 0", func() int { return shrunk(s, 0) })
	try("shrunk 3", func() int { return shrunk(s, 3) })
	try("aboveThree", func() int { return len(aboveThree(s, 4)) })
	try("chain", func() int { return len(chain(s, 1, 2)) })
	try("chainFirst", func() int { return chainFirst(s, 1, 3) })
	try("longer", func() int { return len(longer(s)) })
	try("stepped", func() int { return len(stepped(s, 4)) })
	try("stepped end", func() int { return len(stepped(s, 5)) })
}
