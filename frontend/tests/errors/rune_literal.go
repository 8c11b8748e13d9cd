package main

// A rune literal with more than one character.

func main() {
	r := 'ab'
	println(r)
}
