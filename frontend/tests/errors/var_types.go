package main

// Declared types that do not match their initializers.

type Celsius float64

type Fahrenheit float64

func main() {
	var c Celsius = 1
	var f Fahrenheit = c
	var s string = 1
	var b bool = "true"
	var p *int = 0
	var xs []int = [3]int{}
	println(c, f, s, b, p, xs)
}
