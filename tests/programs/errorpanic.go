package main

// A panic whose value has an Error or String method prints what the
// method returns (Go's preprintpanics), also for a panic that replaces a
// recovered one.

type E struct{ msg string }

func (e E) Error() string { return "E: " + e.msg }

type S int

func (s S) String() string { return "S!" }

func main() {
	defer func() {
		r := recover()
		println(r.(error).Error())
		panic(S(3))
	}()
	panic(E{"boom"})
}
