package main

// A local of a branch deadcode removed (true || x) is not copied where
// the function is inlined (gc's pruneUnusedAutos), so the temporaries a
// defer wrapper makes afterwards are numbered as gc numbers them.

var g0 = 7
var cs int

func f() int {
	if true || g0 > 3 {
		cs++
	} else {
		var v string = string(rune(g0))
		cs += len(v)
	}
	return cs
}

func h() {
	for i := 0; i < 2; i++ {
		defer println(f(), i+g0)
	}
}

func main() {
	h()
}
