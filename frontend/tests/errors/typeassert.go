package main

// Type assertions on values that are not interfaces.

func main() {
	x := 1
	a := x.(int)
	var i interface{} = 2
	b := i.(int)
	c, ok := i.(string)
	var y any = "s"
	d := y.(undefinedType)
	println(a, b, c, ok, d)
}
