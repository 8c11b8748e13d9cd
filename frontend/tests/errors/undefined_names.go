package main

// Undefined names: a variable, a function, a type, and a name used in a nested block.

type T struct{ a int }

func main() {
	var t T
	x := missingVar + t.a
	missingFunc(x)
	var y Unknown
	{
		println(y, inner)
	}
}
