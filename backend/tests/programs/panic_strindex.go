package main

func main() {
	s := "abc"
	var i uint = 10
	println(s[i])
}
