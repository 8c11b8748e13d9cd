// Deferred calls with operands: a method call's receiver is evaluated at
// the defer statement (a copy for a value receiver, the address for a
// pointer receiver), and callees with results (in registers or in memory)
// have them dropped. minigo called such callees without their receiver or
// result slots (a garbage receiver; a store through a wild pointer, found
// by minigo-fuzz).
package main

var cs int

func f() []float64 {
	cs++
	return make([]float64, 5)
}

func g() (int, string, [4]int) {
	cs += 10
	return 1, "x", [4]int{1, 2, 3, 4}
}

type T struct{ a, b, c int }

func (t T) M() int { cs += t.a; return t.b }
func (t *T) P() T  { cs += t.c * 100; return *t }
func (t T) Q()     { println("Q", t.a, t.b, t.c) }

// A deferred method recovers: the deferred call is the method itself.
func (t T) Rec() {
	if r := recover(); r != nil {
		println("method recovered", r.(string), t.a)
	}
}

func recoveringMethod() {
	defer T{7, 0, 0}.Rec()
	panic("y")
}

func h() {
	t := T{1, 2, 3}
	defer f()
	defer g()
	defer t.M()
	defer t.P()
	defer t.Q()
	t.a = 100
	t.c = 7
}

func recovering() (r int) {
	t := T{4, 5, 6}
	defer func() {
		if recover() != nil {
			r = cs
		}
	}()
	defer t.Q()
	defer t.P()
	var s []int
	t.c = 9
	return s[3]
}

func main() {
	h()
	println(cs)
	println(recovering())
	recoveringMethod()
}
