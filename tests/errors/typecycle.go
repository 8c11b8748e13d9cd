// A cycle of type names (type A B; type B C; type C A), and a type named as
// itself, are invalid recursive types, reported with the cycle as types2
// does; minigo accepted them (listed in issue 13). A declaration through a
// struct or pointer is no cycle of names (Go's fixedbugs/bug336).
package main

type A B
type B C
type C A

type D D

type List struct{ next *List }

type T1 struct{ next *T2 }
type T2 T1

func main() {
	var a A
	var d D
	_, _ = a, d
	println(List{} == List{}, T2{} == T2{})
}
