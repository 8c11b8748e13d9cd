package main

// A function literal in code dead code removal drops, capturing a local of
// its function: inlining that function brings none of the dead code's
// locals into the caller (gc's pruneUnusedAutos), so the temporaries the
// caller makes next are numbered from fewer locals (fuzz seed 960008).

var g0 int = 7

func pick() int {
	if true {
	} else {
		c := 1
		go func() { println(c) }()
		defer func() { println(c + 1) }()
	}
	return g0
}

func deferring() {
	_ = pick()
	for i := 0; i < 2; i++ {
		defer println(g0*2, i)
	}
}

func main() {
	deferring()
}
