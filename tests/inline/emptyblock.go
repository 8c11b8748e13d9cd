// An empty block prints nothing in gc's 'as:' bodies (found by minigo-fuzz:
// minigo printed an empty statement, 'n += 1; ; if').
package main

var cs int

func f() int {
	n := 0
L:
	n++
	{
	}
	if n < 3 {
		goto L
	}
	{
		cs++
	}
	return n
}

func main() {
	println(f())
}
