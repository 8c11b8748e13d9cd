package main

// Bounds checks that facts known where they run make needless (gc's prove
// pass), and the checks next to them that must stay: each function is run
// with indexes in and out of range, and an index out of range must panic
// with Go's message.

func guarded(s []int, i int) int {
	if i >= 0 && i < len(s) {
		return s[i]
	}
	return -1
}

func onlyBelow(s []int, i int) int {
	if i < len(s) {
		return s[i]
	}
	return -1
}

func earlyExit(s []int, i int) int {
	if i < 0 || i >= len(s) {
		return -2
	}
	return s[i] + s[i]
}

func diffs(s []int) int {
	t := 0
	for i := 1; i < len(s); i++ {
		t += s[i] - s[i-1]
	}
	return t
}

func downward(s []int) int {
	t := 0
	for i := len(s) - 1; i > 0; i-- {
		t = t*3 + s[i] - s[i-1]
	}
	return t
}

func swap(a []int, i, j int) {
	x := a[i]
	y := a[j]
	a[i] = y
	a[j] = x
}

func lengths(idx int) int {
	s := make([]int, 10)
	s[9] = 4
	t := []int{1, 2, 3}
	u := t
	return s[9] + t[2] + u[1] + u[idx]
}

func reslice(s []int) []int {
	_ = s[0]
	s = s[1:]
	n := len(s)
	if n > 0 {
		return s[:n-1]
	}
	return s
}

func pop(stack []int) ([]int, int) {
	v := stack[len(stack)-1]
	return stack[:len(stack)-1], v
}

func skips(s []int, n int) int {
	t := 0
	for i := 0; i < n; i++ {
		if i%3 == 1 {
			i++
		}
		t += s[i]
	}
	return t
}

func narrow(s []int, k int32) int {
	if k < int32(len(s)) {
		return s[k]
	}
	return -3
}

func viaGoto(s []int) int {
	i, t := 0, 0
loop:
	if i < len(s) {
		t += s[i]
		i++
		goto loop
	}
	return t
}

func shrunk(s []int, i int) int {
	_ = s[i]
	s = s[:1]
	return s[i]
}

func next(s []int, i int) int {
	j := i + 1
	if j < len(s) {
		return s[j] - s[i]
	}
	return 0
}

func shortCircuit(s []int, i int) bool {
	return i >= 0 && i < len(s) && s[i] > 2
}

func rangeWrites(s []int) int {
	t := 0
	for i := range s {
		t += s[i]
		if i == 1 {
			s = s[:1]
		}
	}
	return t
}

func text(s string, i int) byte {
	if len(s) > 3 && i >= 0 && i <= 3 {
		return s[i] + s[3]
	}
	return '?'
}

func counted(s []int, n int) int {
	t := 0
	for i := 0; i <= n; i++ {
		t += s[i]
	}
	return t
}

type stack struct{ items []int }

func (st *stack) pop() int {
	v := st.items[len(st.items)-1]
	st.items = st.items[:len(st.items)-1]
	return v
}

func (st *stack) shrink() { st.items = st.items[:1] }

func shrinkBetween(st *stack, i int) int {
	_ = st.items[i]
	st.shrink()
	return st.items[i]
}

func rowSum(g [][]int, r int) int {
	if r >= 0 && r < len(g) {
		t := 0
		for c := range g[r] {
			t += g[r][c]
		}
		return t
	}
	return -1
}

func rowWrite(g [][]int) int {
	t := 0
	for c := range g[0] {
		g[0] = g[0][:1]
		t += g[0][c]
	}
	return t
}

type point struct{ r, c int }

func cell(g [][]int, p point) int {
	if p.r >= 0 && p.r < len(g) && p.c >= 0 && p.c < len(g[p.r]) {
		return g[p.r][p.c]
	}
	return -1
}

func first(s []int) int {
	if len(s) == 0 {
		return -1
	}
	return s[0]
}

func word(i int) int {
	s := "hello"
	return int(s[4]) + int(s[i])
}

func countBelow(s []int, limit int) int {
	i := 0
	for i < len(s) && s[i] < limit {
		i++
	}
	return i
}

func stepInBody(s []int, n int) int {
	i, t := 0, 0
	for i < n {
		t += s[i]
		i++
		if i%2 == 0 {
			i++
		}
	}
	return t
}

func asArray(s []int) int {
	s = s[:4]
	p := (*[4]int)(s)
	q := (*[2]int)(s)
	return p[3] + q[1]
}

func zeroSized(n int) int {
	s := make([]struct{}, n)
	i := len(s) + 10
	t := []int{1}
	if i < len(s) {
		return t[5]
	}
	return i
}

type scanner struct {
	src []byte
	pos int
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (sc *scanner) number() int {
	v := 0
	for sc.pos < len(sc.src) && isDigit(sc.src[sc.pos]) {
		v = v*10 + int(sc.src[sc.pos]-'0')
		sc.pos++
	}
	return v
}

func (sc *scanner) next() int {
	_ = sc.src[sc.pos]
	sc.pos++
	return int(sc.src[sc.pos])
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
	s := []int{5, 8, 13, 21, 34}
	try("guarded 2", func() int { return guarded(s, 2) })
	try("guarded -1", func() int { return guarded(s, -1) })
	try("guarded 5", func() int { return guarded(s, 5) })
	try("onlyBelow 4", func() int { return onlyBelow(s, 4) })
	try("onlyBelow -1", func() int { return onlyBelow(s, -1) })
	try("earlyExit 3", func() int { return earlyExit(s, 3) })
	try("earlyExit 9", func() int { return earlyExit(s, 9) })
	try("diffs", func() int { return diffs(s) })
	try("diffs empty", func() int { return diffs(nil) })
	try("downward", func() int { return downward(s) })
	try("swap", func() int { swap(s, 0, 4); return s[0]*100 + s[4] })
	try("swap 7", func() int { swap(s, 0, 7); return s[0] })
	try("lengths 2", func() int { return lengths(2) })
	try("lengths 3", func() int { return lengths(3) })
	try("reslice", func() int { return len(reslice(s)) })
	try("reslice empty", func() int { return len(reslice(s[:0])) })
	try("pop", func() int { rest, v := pop(s); return len(rest)*100 + v })
	try("pop empty", func() int { _, v := pop(nil); return v })
	try("skips 5", func() int { return skips(s, 5) })
	try("skips 6", func() int { return skips(s, 6) })
	try("narrow 1", func() int { return narrow(s, 1) })
	try("narrow -2", func() int { return narrow(s, -2) })
	try("viaGoto", func() int { return viaGoto(s) })
	try("shrunk 0", func() int { return shrunk(s, 0) })
	try("shrunk 2", func() int { return shrunk(s, 2) })
	try("next 1", func() int { return next(s, 1) })
	try("next -1", func() int { return next(s, -1) })
	try("next 4", func() int { return next(s, 4) })
	try("shortCircuit", func() int {
		if shortCircuit(s, 1) && !shortCircuit(s, 7) && !shortCircuit(s, -7) {
			return 1
		}
		return 0
	})
	try("rangeWrites", func() int { return rangeWrites([]int{1, 2, 3, 4}) })
	try("text", func() int { return int(text("abcd", 1)) })
	try("text short", func() int { return int(text("abc", 1)) })
	try("counted 4", func() int { return counted(s, 4) })
	try("counted 5", func() int { return counted(s, 5) })
	st := &stack{items: []int{3, 4, 5}}
	try("pop", func() int { return st.pop()*10 + st.pop() })
	try("pop last", func() int { return st.pop() })
	try("pop empty", func() int { return st.pop() })
	try("shrinkBetween 0", func() int { return shrinkBetween(&stack{items: []int{1, 2, 3}}, 0) })
	try("shrinkBetween 2", func() int { return shrinkBetween(&stack{items: []int{1, 2, 3}}, 2) })
	g := [][]int{{1, 2, 3}, {4, 5}}
	try("rowSum 1", func() int { return rowSum(g, 1) })
	try("rowSum 2", func() int { return rowSum(g, 2) })
	try("rowWrite", func() int { return rowWrite(g) })
	try("cell 0 2", func() int { return cell(g, point{0, 2}) })
	try("cell 1 2", func() int { return cell(g, point{1, 2}) })
	try("first", func() int { return first(s) })
	try("first nil", func() int { return first(nil) })
	try("word 1", func() int { return word(1) })
	try("word 5", func() int { return word(5) })
	try("countBelow", func() int { return countBelow([]int{1, 2, 3, 9, 4}, 5) })
	try("countBelow all", func() int { return countBelow([]int{1, 2}, 5) })
	try("stepInBody 3", func() int { return stepInBody([]int{1, 2, 3, 4}, 3) })
	try("stepInBody 5", func() int { return stepInBody([]int{1, 2, 3, 4}, 5) })
	try("asArray", func() int { return asArray([]int{1, 2, 3, 4, 5}) })
	try("asArray short", func() int { return asArray(make([]int, 2, 3)) })
	try("zeroSized 3", func() int { return zeroSized(3) })
	try("zeroSized huge", func() int { return zeroSized(9223372036854775807 - 5) })
	try("number", func() int { return (&scanner{src: []byte("123x")}).number() })
	try("number end", func() int { return (&scanner{src: []byte("45")}).number() })
	try("next", func() int { return (&scanner{src: []byte("ab")}).next() })
	try("next end", func() int { return (&scanner{src: []byte("ab"), pos: 1}).next() })
}
