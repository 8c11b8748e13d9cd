// Where gc reports implicit interface conversions: call arguments (names
// take the position the previous argument left, constants their own),
// variadic elements, declarations and assignments.
package main

func variadic(xs ...interface{}) int {
	return len(xs)
}

func fixed(a, b interface{}) {}

func main() {
	s, t := "x", 5
	println(variadic(s, t, 3, s+"y", t))
	fixed(s, 3)
	fixed(3, s)
	fixed(t+1, s)
	var u interface{} = s + "z"
	u = t
	println(u != nil)
}
