package main

func main() {
	a := [5]int{}
	s := a[:]
	var i uint8 = 4
	var j int = 2
	println(len(s[1:2:3]))
	println(len(s[i:j]))
}
