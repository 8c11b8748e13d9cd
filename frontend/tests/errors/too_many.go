package main

// More than ten errors: gc prints ten, then "too many errors".

func main() {
	println(u1)
	println(u2)
	println(u3)
	println(u4)
	println(u5)
	println(u6)
	println(u7)
	println(u8)
	println(u9)
	println(u10)
	println(u11)
	println(u12)
}
