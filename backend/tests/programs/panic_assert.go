package main

func main() {
	var e interface{} = "str"
	println(e.(int))
}
