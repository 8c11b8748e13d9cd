package main

type T struct{ x, y int }

func main() {
	var p *T
	println("before")
	println(p.y)
}
