package main

// Calls through a nil interface and a nil func value fault on loading the
// code: the interface's at its method's slot in gc's itab layout, which Go
// prints as the address (0x18 + 8 per method before it).

type Shape interface {
	Area() int
	Perimeter() int
}

//go:noinline
func area(s Shape) int { return s.Area() }

//go:noinline
func perimeter(s Shape) int { return s.Perimeter() }

//go:noinline
func call(f func() int) int { return f() }

func main() {
	defer func() {
		println("recovered:", recover().(error).Error())
		defer func() {
			println("recovered:", recover().(error).Error())
			println(perimeter(nil))
		}()
		println(call(nil))
	}()
	println(area(nil))
}
