// Which receivers gc moves to a temporary before a method call: those
// making a call, len, cap, append, copy... but not make, which is already
// OMAKESLICE when typecheck looks (callOrChan lists OMAKE), nor new (found by
// minigo-fuzz, seed 120063).
package main

var g0 = 7
var gs = "go"
var bs []byte

type S0 struct {
	f1 string
	n  int
}

//go:noinline
func (s S0) M(a uint8) float64 { return 1 }

func mkb() []byte { return []byte{1} }

func b1() { S0{f1: string(mkb())}.M(1) }
func b2() { S0{n: len(gs)}.M(1) }
func b3() { S0{f1: string(make([]byte, 2))}.M(1) }
func b4() { S0{n: len(make([]byte, 2))}.M(1) }
func b5() { S0{n: cap(append(bs, 1))}.M(1) }
func b6() { S0{n: copy(bs, gs)}.M(1) }
func b7() { S0{n: int(mkb()[0])}.M(1) }
func b8() { S0{n: len(bs)}.M(1) }

func main() {
	b1()
	b2()
	b3()
	b4()
	b5()
	b6()
	b7()
	b8()
}
