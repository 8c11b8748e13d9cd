// Oracle for panics.c: every run-time panic text, one case per run (os.Args[1]).
package main

import "os"

type MyInt int
type MyI8 int8
type MyU8 uint8
type MyUptr uintptr
type MyStr string
type MyF float64
type MyF32 float32
type MyB bool
type T struct{ a, b int }

var sink interface{}

func main() {
	s := []int{1, 2, 3}
	str := "abc"
	arr := [3]int{}
	i, j, k := 5, 2, 1
	neg := -1
	z := 0
	var ui uint = 1 << 63
	_, _, _, _, _, _ = s, str, arr, i, j, k
	switch os.Args[1] {
	case "index":
		println(s[i])
	case "indexneg":
		println(s[neg])
	case "indexu":
		println(s[ui])
	case "indexstr":
		println(str[i])
	case "slicecap":
		println(s[:i])
	case "slicelen":
		println(str[:i])
	case "slicearr":
		println(arr[:i])
	case "sliceB":
		println(s[3:j])
	case "slice3cap":
		println(s[:k:i])
	case "slice3len":
		println(arr[:k:i])
	case "slice3B":
		println(s[:3:j])
	case "slice3C":
		println(s[j:k:3])
	case "sliceneg":
		println(s[:neg])
	case "sliceBneg":
		println(s[neg:])
	case "slice3neg":
		println(s[:k:neg])
	case "slice3Bneg":
		println(s[:neg:j])
	case "slice3Cneg":
		println(s[neg:k:3])
	case "sliceu":
		println(s[:ui])
	case "divide":
		println(i / z)
	case "modulo":
		println(i % z)
	case "shift":
		println(i << neg)
	case "nil":
		var p *int
		println(*p)
	case "nilfield":
		var p *T
		println(p.b)
	case "dottype":
		sink = "x"
		println(sink.(int))
	case "dottypenil":
		println(sink.(int))
	case "dottypenamed":
		sink = T{}
		println(sink.(MyInt))
	case "dottypeptr":
		sink = &T{}
		println(sink.(T).a)
	case "pstring":
		panic("boom")
	case "pstringnl":
		panic("line1\nline2")
	case "pempty":
		panic("")
	case "pint":
		panic(42)
	case "pnegint":
		panic(-42)
	case "pint8":
		panic(int8(-8))
	case "pint16":
		panic(int16(16))
	case "pint32":
		panic('x')
	case "pint64":
		panic(int64(-1 << 63))
	case "puint":
		panic(uint(1<<64 - 1))
	case "puint8":
		panic(byte(255))
	case "puint16":
		panic(uint16(65535))
	case "puint32":
		panic(uint32(1 << 31))
	case "puint64":
		panic(uint64(1 << 63))
	case "puintptr":
		panic(uintptr(0xbeef))
	case "pfloat":
		panic(1.5)
	case "pfloat32":
		panic(float32(0.1))
	case "pbool":
		panic(true)
	case "pnil":
		panic(nil)
	case "pmyint":
		panic(MyInt(5))
	case "pmyi8":
		panic(MyI8(-5))
	case "pmyu8":
		panic(MyU8(200))
	case "pmyuptr":
		panic(MyUptr(77))
	case "pmystr":
		panic(MyStr("hi"))
	case "pmyf":
		panic(MyF(2.5))
	case "pmyf32":
		panic(MyF32(0.1))
	case "pmyb":
		panic(MyB(false))
	case "pstruct":
		panic(T{1, 2})
	case "pptr":
		panic(&T{1, 2})
	case "pslice":
		panic([]int{1})
	case "parray":
		panic([2]int{1, 2})
	case "printthenpanic":
		for i := 0; i < 7000; i++ {
			println("before", i)
		}
		print("partial line ")
		panic("after output")
	case "growslice":
		a := make([]int64, 0, 1)
		n := 1 << 46
		_ = append(a, make([]int64, n)...)
	case "makeslicelen":
		_ = make([]int, neg)
	case "makeslicecap":
		_ = make([]int, 2, k)
	case "makeslicelenbig":
		n := 1 << 60
		_ = make([]int64, n)
	case "ok":
		println("no panic")
	}
}
