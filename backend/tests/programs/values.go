package main

type Big struct {
	a [20]int
	s string
	p *int
}

type Vec struct{ x, y float32 }

func mutate(b Big) Big {
	b.a[0] = 99
	b.s = "changed"
	return b
}

func (v Vec) Len2() float32 { return v.x*v.x + v.y*v.y }

func (v *Vec) Norm() {
	l := v.Len2()
	v.x /= l
	v.y /= l
}

func retArr() [3]string { return [3]string{"x", "y", "z"} }

func counterByRef() (n int) {
	inc := func() { n += 10 }
	inc()
	inc()
	return
}

func sumArr(a [4]int) int {
	t := 0
	for _, v := range a {
		t += v
	}
	a[0] = 1000
	return t
}

var gBig Big
var gArr = [3]int{7, 8, 9}
var gPt = Vec{1, 2}

func main() {
	var b Big
	b.a[5] = 5
	b.s = "orig"
	c := mutate(b)
	println(b.a[0], b.s, c.a[0], c.s, c.a[5], b == c)
	d := b
	println(d == b)
	gBig = c
	println(gBig.a[0], gBig.s, retArr()[2], len(retArr()))
	arr := [4]int{1, 2, 3, 4}
	println(sumArr(arr), arr[0])
	for i, v := range arr {
		arr[3] = 100
		if i == 3 {
			println("range copy", v)
		}
	}
	sl := arr[:]
	for i, v := range sl {
		sl[3] = 200
		if i == 3 {
			println("range slice", v)
		}
	}
	println(counterByRef())
	v := Vec{3, 4}
	println(v.Len2())
	v.Norm()
	println(v.x, v.y)
	println(gArr[1], gPt.y)
	var fns [3]func() int
	for i := range fns {
		k := i * i
		fns[i] = func() int { return k }
	}
	println(fns[0](), fns[1](), fns[2]())
	x := 1
	px := &x
	*px = 5
	pp := &px
	**pp += 1
	println(x)
	type pair struct {
		k string
		v int
	}
	ps := []pair{{"a", 1}, {"b", 2}}
	ps[1].v = 20
	q := ps[1]
	q.v = 30
	println(ps[1].v, q.v, ps[0] == pair{"a", 1})
	var f32 float32 = 16777216
	f32 += 1
	println(f32, float64(f32)/3)
	i := 0
	goto check
body:
	println("body", i)
	i++
check:
	if i < 2 {
		goto body
	}
	switch s := "x"; s {
	case "x":
		println("x")
		fallthrough
	default:
		println("default")
	}
	m := map0()
	println(m)
}

func map0() int {
	var total int
	for i := 0; i < 10; i++ {
		switch {
		case i%3 == 0:
			continue
		case i == 8:
			break
		default:
			total += i
		}
	}
	return total
}
