// A user panic with an int value (boxed into interface{}), printed as Go
// prints it: "panic: 42" then the type in parentheses for some kinds.
package main

func main() {
	println("before")
	var code int = 42
	panic(code)
}
