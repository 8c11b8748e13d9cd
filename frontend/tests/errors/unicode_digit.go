package main

// A digit that is not ASCII cannot begin an identifier.

func main() {
	۶x := 1
}
