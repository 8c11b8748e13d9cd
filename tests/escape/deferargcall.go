// A deferred call in a loop whose argument calls a variadic function:
// gc explains the argument's temporary (.autotmp_5 = ...) after it has
// analysed that call, which shows its packed arguments (`... argument...`)
// (minigo-fuzz seed 720286, reduced).
package main

var cs uint64
var g0 int = 7
var gs string = "go"

func fi(f float64) int64 {
	return 2
}

type S0 struct {
}

func f26(a27 string, xs28 ...int8) string {
	for _, e0 := range xs28 {
		cs = cs*31 + uint64(e0)
		c29 := make(chan float64, 1)
		select {
		case v30, ok := <-c29:
			if ok {
			}
			cs = cs*31 + uint64(fi(v30))
		}
	}
	v32 := a27[:uint((g0|648))%uint(len(a27)+1)]
	for _, c := range a27 {
		cs = cs*7 + uint64(c)
	}
	for _, c := range v32 {
		cs = cs*7 + uint64(c)
	}
	return string(rune(int32(g0)))
}
func (s102 S0) M101(a103 func(int16) float64, a104 bool) int {
	for _, x106 := range [4]string{1: "", 2: gs, "\x00\xff"} {
		defer println((func() string {
			return f26(f26(gs), []int8{2: 126, 4, 127}...)
		}() + f26(gs, 127, (-8))))
		cs = cs*31 + uint64(len(x106))
	}
	return g0
}
func main() {
}
