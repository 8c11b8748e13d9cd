// Oracle for slices.c: append growth (growslice + size classes), make, and
// []byte(s) capacities (rawbyteslice = roundupsize) in Go 1.19.
package main

type S24 struct{ a, b, c int64 }
type S12 struct{ a, b, c int32 }
type B5 [5]byte
type B1000 [1000]byte
type P struct{ p *int }

var sinkB []byte

func main() {
	{
		var a []int
		last := -1
		sum := 0
		for i := 0; i < 20000; i++ {
			a = append(a, i)
			if cap(a) != last {
				print(cap(a), " ")
				last = cap(a)
			}
		}
		for _, v := range a {
			sum += v
		}
		println()
		println("int", len(a), sum)
	}
	{
		var a []byte
		last := -1
		for i := 0; i < 100000; i++ {
			a = append(a, byte(i))
			if cap(a) != last {
				print(cap(a), " ")
				last = cap(a)
			}
		}
		println()
		println("byte", len(a), a[99999], a[256])
	}
	{
		var a []S24
		last := -1
		for i := 0; i < 5000; i++ {
			a = append(a, S24{int64(i), 0, int64(-i)})
			if cap(a) != last {
				print(cap(a), " ")
				last = cap(a)
			}
		}
		println()
		println("s24", len(a), a[4999].a, a[4999].c)
	}
	{
		var a []S12
		last := -1
		for i := 0; i < 5000; i++ {
			a = append(a, S12{int32(i), 0, 0})
			if cap(a) != last {
				print(cap(a), " ")
				last = cap(a)
			}
		}
		println()
	}
	{
		var a []B5
		last := -1
		for i := 0; i < 5000; i++ {
			a = append(a, B5{})
			if cap(a) != last {
				print(cap(a), " ")
				last = cap(a)
			}
		}
		println()
	}
	{
		var a []int32
		last := -1
		for i := 0; i < 5000; i++ {
			a = append(a, int32(i))
			if cap(a) != last {
				print(cap(a), " ")
				last = cap(a)
			}
		}
		println()
	}
	{
		var a []int16
		last := -1
		for i := 0; i < 5000; i++ {
			a = append(a, int16(i))
			if cap(a) != last {
				print(cap(a), " ")
				last = cap(a)
			}
		}
		println()
	}
	{
		var a []B1000
		last := -1
		for i := 0; i < 300; i++ {
			a = append(a, B1000{})
			if cap(a) != last {
				print(cap(a), " ")
				last = cap(a)
			}
		}
		println()
	}
	{
		var a []P
		last := -1
		for i := 0; i < 3000; i++ {
			a = append(a, P{})
			if cap(a) != last {
				print(cap(a), " ")
				last = cap(a)
			}
		}
		println()
	}
	{
		var a []struct{}
		last := -1
		for i := 0; i < 100; i++ {
			a = append(a, struct{}{})
			if cap(a) != last {
				print(cap(a), " ")
				last = cap(a)
			}
		}
		println()
	}
	// appending several at once, from various starting capacities
	{
		seven := make([]int, 7)
		many := make([]int, 1000)
		a := append([]int(nil), seven...)
		println(len(a), cap(a))
		b := make([]int, 0, 300)
		b = append(b, many...)
		println(len(b), cap(b))
		c := make([]int, 300, 300)
		c = append(c, seven...)
		println(len(c), cap(c))
		d := make([]int, 5, 5)
		d = append(d, 1)
		println(len(d), cap(d))
		e := make([]byte, 3, 3)
		e = append(e, 1)
		println(len(e), cap(e))
		f := make([]int, 255, 255)
		f = append(f, 1)
		println(len(f), cap(f))
		g := make([]int, 256, 256)
		g = append(g, 1)
		println(len(g), cap(g))
		h := make([]byte, 1000, 1000)
		h = append(h, make([]byte, 40000)...)
		println(len(h), cap(h))
		k := make([]S24, 10, 10)
		k = append(k, make([]S24, 11)...)
		println(len(k), cap(k))
	}
	// []byte(s) on the heap: cap = roundupsize(len)
	{
		buf := make([]byte, 40000)
		last := -1
		for n := 0; n <= 40000; n++ {
			s := string(buf[:n])
			sinkB = []byte(s)
			if cap(sinkB) != last {
				print(n, ":", cap(sinkB), " ")
				last = cap(sinkB)
			}
		}
		println()
	}
}
