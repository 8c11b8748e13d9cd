package main

func main() {
	defer_free := "boom"
	panic(defer_free + "!")
}
