package main

// Wrong signatures for main and init, and a function without a body.

func init() int { return 1 }

func helper()

func main() int {
	return 0
}
