// A constant len of an array literal or field is shown in "can inline ... as:"
// with the literal as gc prints it (ShortForm: elements as `…`).
package main

type T [2]int

func g() int { return len([...]int{1, 2}) }
func h() int { return len(T{}) + len(T{1}) }
func k() int { return len(struct{ a [3]int }{}.a) }
func m() int { return len([2][]int{{1}, nil}) }

func main() { println(g(), h(), k(), m()) }
