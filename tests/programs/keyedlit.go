// An explicit index in an array or slice literal is an OKEY node and a
// constant in gc's inlining costs: two more than the element alone (Go's
// fixedbugs/issue23780.go).
package main

var sink []byte

func keyed() {
	sink = []byte{1 << 20: 1}
}

func plain() []byte {
	return []byte{1, 2}
}

func mixed() [8]int {
	return [8]int{2, 5: 3, 4, 7: 9}
}

func main() {
	keyed()
	a := mixed()
	println(len(sink), sink[1<<20], len(plain()), a[0], a[5], a[6], a[7])
}
