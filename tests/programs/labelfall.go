// `fallthrough` costs nothing in gc's inlining budget (OFALL), also after
// a label, where it is a statement of its own rather than the case's flag
// (Go's fixedbugs/bug495.go).
package main

func labeled(i int) int {
	n := 0
	switch i {
	case 0:
		n++
		goto lab
	lab:
		fallthrough
	case 1:
		n += 10
	}
	return n
}

func plain(i int) int {
	switch i {
	case 0:
		fallthrough
	case 1:
		return 1
	}
	return 0
}

func main() {
	println(labeled(0), labeled(1), labeled(2), plain(0), plain(2))
}
