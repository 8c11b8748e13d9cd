package main

// Several unused variables in one function, in nested blocks and closures.

func main() {
	a := 1
	b, c := 2, 3
	println(b)
	var d int
	d = 4
	if e := 5; true {
		f := 6
	}
	g := func() {
		h := 7
		a = 8
	}
	for i := 0; i < 3; i++ {
		j := i
	}
	_ = c
}
