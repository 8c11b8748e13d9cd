// recover() stops a panic only in a deferred call the panic itself runs: a
// function deferred by the panic that returns normally runs its own deferred
// calls, and a recover() in those returns nil, directly or in a deferred
// method call (minigo-fuzz seed 700008).
package main

type T struct{ n int }

func (t T) rec() {
	if r := recover(); r != nil {
		println("method recovered", r.(string))
	}
}

func helper() {
	defer func() {
		if r := recover(); r != nil {
			println("helper's deferred call recovered", r.(string))
		}
	}()
	defer T{}.rec()
	println("helper runs")
}

func outer() {
	defer func() {
		r := recover()
		println("outer recovered", r.(string))
	}()
	defer helper()
	panic("boom")
}

func main() {
	outer()
	println("done")
}
