package main

// Bounds checks that always fail once a constant is inlined: gc's prove
// finds the branch where they pass impossible and removes it, so the
// program panics there unconditionally and no check is logged.

func below(s []int, i int) int {
	if i < len(s) {
		return s[i]
	}
	return -1
}

func narrow(s []int, k int32) int {
	if k < int32(len(s)) {
		return s[k]
	}
	return -2
}

func pair(s []int, i int) int {
	j := i + 1
	if j < len(s) {
		return s[j] - s[i]
	}
	return 0
}

func last(s []int) int {
	if len(s) < 3 {
		return s[3]
	}
	return s[len(s)-1]
}

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panics:", r.(error).Error())
		}
	}()
	println(name, f())
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	try("below 2", func() int { return below(s, 2) })
	try("below -1", func() int { return below(s, -1) })
	try("narrow -2", func() int { return narrow(s, -2) })
	try("pair -1", func() int { return pair(s, -1) })
	try("pair 1", func() int { return pair(s, 1) })
	try("last", func() int { return last(s[:2]) })
	try("last all", func() int { return last(s) })
}
