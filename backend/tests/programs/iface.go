package main

type T struct{ a, b int }

type MyInt int

func describe(v interface{}) {
	if n, ok := v.(int); ok {
		println("int", n)
		return
	}
	if s, ok := v.(string); ok {
		println("string", s)
		return
	}
	if t, ok := v.(T); ok {
		println("T", t.a, t.b)
		return
	}
	if p, ok := v.(*T); ok {
		println("*T", p.a)
		return
	}
	println("other", v == nil)
}

func main() {
	describe(42)
	describe("hi")
	describe(T{1, 2})
	describe(&T{3, 4})
	describe(1.5)
	describe(nil)
	var e interface{} = MyInt(3)
	m := e.(MyInt)
	println(m, e != nil)
	var x interface{}
	println(x == nil)
	x = 7
	println(x.(int) + 1)
	defer_free := []interface{}{1, "a", true}
	println(len(defer_free))
	panic(MyInt(5))
}
