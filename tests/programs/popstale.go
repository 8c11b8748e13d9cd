// Two inlined pops in one statement: the first one's check passed, then
// its store shrank the stack, so the second pops with its own check (a
// stack of one panics there). What a check proved of memory does not
// outlive a store in the same inlined body.
package main

type VM struct{ stack []int }

func (vm *VM) pop() int {
	v := vm.stack[len(vm.stack)-1]
	vm.stack = vm.stack[:len(vm.stack)-1]
	return v
}

var stack []int

func pop() int {
	v := stack[len(stack)-1]
	stack = stack[:len(stack)-1]
	return v
}

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panics:", r.(error).Error())
		}
	}()
	println(name, f())
}

func main() {
	vm := &VM{stack: []int{1, 2, 3}}
	try("vm two", func() int { b, a := vm.pop(), vm.pop(); return a*10 + b })
	try("vm one left", func() int { b, a := vm.pop(), vm.pop(); return a*10 + b })
	stack = []int{4, 5, 6}
	try("global two", func() int { b, a := pop(), pop(); return a*10 + b })
	try("global one left", func() int { b, a := pop(), pop(); return a*10 + b })
	try("global empty", func() int { return pop() + pop() })
}
