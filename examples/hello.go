// The smallest minigo program: println writes to standard error, as in Go.
package main

func main() { println("hello", 42) }
