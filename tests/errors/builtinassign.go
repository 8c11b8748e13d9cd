// Assigning to a built-in is types2's "must be called" error (minigo's
// lowering panicked on it: listed in the fuzzing issue).
package main

func main() {
	println = 1
}
