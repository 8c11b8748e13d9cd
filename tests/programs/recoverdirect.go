// recover() stops a panic only when the deferred call itself calls it: a
// helper called by the deferred function gets nil (minigo recovered there;
// listed in the fuzzing issue), a deferred named function may (a deferred
// method does too: tests/programs/deferoperands).
package main

func helper() any { return recover() }

func f() (r int) {
	defer func() {
		if helper() != nil {
			r = 1
		}
		if recover() != nil {
			r += 10
		}
	}()
	panic("x")
}

func named() {
	if r := recover(); r != nil {
		println("named recovered", r.(string))
	}
}

func h() {
	defer named()
	panic("z")
}

func main() {
	println(f())
	h()
	println(recover() == nil)
}
