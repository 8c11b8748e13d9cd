package main

// Nil checks gc makes by the access that faults anyway, and those it keeps
// explicit: before a store of a pointer (its write barrier moves the store
// away), for a map entry of pointers, for a call through an interface whose
// itab is known or nil. A string, slice or interface is stored length or
// itab first, which faults. Each call recovers from its panic and prints
// it; the last dereference is not recovered, and faults at the field's
// offset, as Go's does.

type node struct {
	a    int
	s    string
	p    *int
	next *node
	i    interface{}
	arr  [4]int
}

type I interface{ M() int }

type V int

func (v V) M() int { return int(v) }

func setPtr(n *node, p *int)          { n.p = p }
func setStr(n *node, s string)        { n.s = s }
func setIface(n *node, v interface{}) { n.i = v }
func setNext(n *node)                 { n.next = n }
func readArr(n *node) int             { return n.arr[2] }
func twoFields(n *node) int           { return n.a + len(n.s) }
func appendTo(n *node, s []int) []int { return append(s, n.a) }
func mapPtr(m map[int]*int, p *int)   { m[1] = p }
func mapStr(m map[int]string)         { m[1] = "x" }
func call(i I) int                    { return i.M() }
func zeroNode(n *node)                { *n = node{} }
func zeroArr(a *[4]int)               { *a = [4]int{} }
func arrPtr(a *[4]int) int            { return a[3] }
func sliceArr(a *[4]int) []int        { return a[1:] }

func known() int {
	var i I = V(3)
	return i.M()
}

func nilIface() int {
	var i I
	return i.M()
}

var global *node

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panic:", r.(error).Error())
		}
	}()
	f()
	println(name, "ok")
}

func main() {
	x := 5
	n := &node{a: 1, s: "abc"}
	var none *node
	try("setPtr", func() { setPtr(n, &x) })
	try("setPtr nil", func() { setPtr(none, &x) })
	try("setStr", func() { setStr(n, "hello") })
	try("setStr nil", func() { setStr(none, "hello") })
	try("setIface", func() { setIface(n, 7) })
	try("setIface nil", func() { setIface(none, 7) })
	try("setNext nil", func() { setNext(none) })
	try("readArr nil", func() { println(readArr(none)) })
	try("twoFields", func() { println(twoFields(n)) })
	try("twoFields nil", func() { println(twoFields(none)) })
	try("appendTo nil", func() { println(len(appendTo(none, nil))) })
	m := map[int]*int{}
	try("mapPtr", func() { mapPtr(m, &x); println(*m[1]) })
	var nilMap map[int]*int
	try("mapPtr nil map", func() { mapPtr(nilMap, &x) })
	try("mapStr", func() { ms := map[int]string{}; mapStr(ms); println(ms[1]) })
	try("call", func() { println(call(V(4))) })
	try("call nil", func() { println(call(nil)) })
	try("known", func() { println(known()) })
	try("nilIface", func() { println(nilIface()) })
	var arr *[4]int
	try("arrPtr", func() { println(arrPtr(&[4]int{1, 2, 3, 4})) })
	try("arrPtr nil", func() { println(arrPtr(arr)) })
	try("sliceArr nil", func() { println(len(sliceArr(arr))) })
	try("zeroArr nil", func() { zeroArr(arr) })
	try("zeroNode nil", func() { zeroNode(none) })
	println(n.a, n.s, *n.p, n.i.(int), n.next == n)
	zeroNode(n)
	println(n.a, n.s, n.p == nil)
	println(global.arr[2])
}
