// Below -m=2, gc's cost walk stops as soon as a function is over budget,
// and it charges a function literal before walking its body: whether it
// reaches a nested literal called in place (and decides it there, printing
// can inline) depends on that order (found by minigo-fuzz, seed 91023,
// reduced).
package main
var cs uint64
var g0 int = 7
var gs string = "go"
func tr(s string) string {
	return s
}
func fi(f float64) int64 {
	if f > -1e15 && f < 1e15 {
		return int64(f * 1000)
	}
	if f != f {
		return 1
	}
	return 2
}
type S0 struct {
	f0 uint32
	f2 int64
	f3 int64
}
var g1 bool
func f85(a86 uint, a87 bool) (r int8) {
	L88:
	for _, x89 := range tr(gs) {
		for j90 := 0; j90 < 3; j90++ {
			if ((a87 == g1) && a87) {
				continue L88
			}
		}
		cs = cs*31 + uint64(x89)
	}
	defer func() {
		var v96 S0 = S0{f0: uint32((r & r)), f2: int64(fi((7.0 + float64(g0)))), f3: interface{}(int64(g0)).(int64)}
		fn97 := func() uint8 {
			fn98 := func() float64 {
				return func(x99 uint8) float64 {
					return -(float64(g0))
				}((uint8(g0) / 11))
			}
			{
				r0 := fn98()
				cs = cs*31 + uint64(fi(r0))
			}
			return (0 &^ uint8(g0))
		}
		cs = cs*31 + uint64(v96.f3)
		{
			r0 := fn97()
			cs = cs*31 + uint64(r0)
		}
	}()
	return (^(r) ^ (18 & r))
}
func main() {
}
