// Bounds checks on package variables: gc's SSA loads a package slice's
// length again after any store or call (println's runtime calls too),
// and until then it is the same value, so what a condition or an earlier
// check proved of it serves the checks after it. A length the order pass
// reads into a temporary before a call is not the one read after it.
package main

var g = []int{1, 2, 3, 4}
var h = []int{5, 6}
var words = []string{"alpha", "beta", "gamma"}

//go:noinline
func touch() int {
	h = append(h, 7)
	return len(h)
}

func first() int {
	if len(g) > 0 {
		return g[0]
	}
	return -1
}

func sum() int {
	t := 0
	for i := 0; i < len(g); i++ {
		t += g[i]
	}
	return t
}

func fill(v int) {
	for i := 0; i < len(g); i++ {
		g[i] = v + i
	}
}

func afterCall() int {
	if len(h) > 1 {
		n := touch()
		return h[1] + n
	}
	return 0
}

func afterPrint() int {
	if len(g) > 3 {
		println("g has", len(g))
		return g[3]
	}
	return 0
}

func twice() int {
	x := g[2]
	return x + g[1] + g[2]
}

func main() {
	println(first(), sum(), afterCall(), afterPrint(), twice())
	fill(10)
	println(g[0], g[3], len(h))
	println(words[0], words[len(words)-1], touch())
	println(words[0], words[len(words)-1])
	a := words[0]
	b := words[len(words)-1]
	println(a, b, len(g) > 0 || g[0] > 0)
}
