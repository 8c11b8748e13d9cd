package main

// Names declared twice in one block.

var g int

var g string

func f() {}

func f() {}

type T int

type T string

func main() {
	x := 1
	var x int
	y, y := 1, 2
	println(x, y)
}
