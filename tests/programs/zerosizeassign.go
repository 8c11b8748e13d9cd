package main

// Assigning the zero value of a zero-size type (`x = T{}`) writes nothing:
// a zero-size field shares its address with the next field, which must
// keep its value. Through a nil pointer it still panics.

type S struct {
	a byte
	e [0]int
	b byte
}

type empty struct{}

func set(p *S) { p.e = [0]int{} }

func setEmpty(p *empty) { *p = empty{} }

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
	s := S{a: 1, b: 2}
	s.e = [0]int{}
	set(&s)
	println(s.a, s.b)
	arr := [3]S{{a: 3, b: 4}, {a: 5, b: 6}}
	arr[0].e = [0]int{}
	println(arr[0].b, arr[1].a)
	var none *S
	try("set nil", func() { set(none) })
	try("setEmpty nil", func() { setEmpty(nil) })
	try("setEmpty", func() { setEmpty(&empty{}) })
}
