// An index `u % uint(len(s))` into s itself: gc's rewrite rule
// (IsInBounds (Mod64u _ y) y) folds the check when the length it divides
// by is the one the index checks against, the same SSA value. A narrower
// modulus, another slice, a call between the two reads of a variable in
// memory, or a length gc knows (a constant it divides by otherwise, unless
// a power of two, which it masks) keeps it.
package main

var words = []string{"alpha", "beta", "gamma"}
var n uint = 7

type holder struct {
	items []int
	name  string
}

//go:noinline
func pick(s []int, u uint) int {
	return s[u%uint(len(s))]
}

//go:noinline
func pickGlobal() string {
	return words[n%uint(len(words))]
}

//go:noinline
func pickString(s string, u uintptr) byte {
	return s[u%uintptr(len(s))]
}

//go:noinline
func pickField(h *holder, u uint) int {
	return h.items[u%uint(len(h.items))] + int(h.name[u%uint(len(h.name))])
}

//go:noinline
func narrow(s []int, u uint32) int {
	return s[u%uint32(len(s))]
}

//go:noinline
func other(s, t []int, u uint) int {
	return s[u%uint(len(t))]
}

//go:noinline
func grow() uint {
	words = append(words, "delta")
	return 5
}

//go:noinline
func afterCall() string {
	return words[grow()%uint(len(words))]
}

//go:noinline
func signed(s []int, i int) int {
	return s[i%len(s)]
}

//go:noinline
func five() string { return "five" }

//go:noinline
func assignCall(u uint) {
	words[u%uint(len(words))] = five()
}

//go:noinline
func literals(u uint) int {
	three := []int{1, 2, 3}
	four := []int{1, 2, 3, 4}
	return three[u%uint(len(three))] + four[u%uint(len(four))]
}

func main() {
	s := []int{10, 20, 30, 40}
	h := &holder{items: s, name: "xyz"}
	println(pick(s, 9), pickGlobal(), pickString("hello", 12), pickField(h, 5))
	println(narrow(s, 6), other(s, []int{1, 2}, 3), afterCall(), signed(s, 7))
	assignCall(4)
	println(words[0], words[len(words)-1], literals(5))
}
