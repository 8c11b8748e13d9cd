// Below -m=2, gc's cost walk charges a switch's clauses as it reaches them,
// after the tag: a literal called in the tag is reached (and decided,
// printing can inline) before the walk stops over budget (minigo charged
// the clauses with the switch; found by minigo-fuzz, seed 400049, reduced).
package main
var g0 int = 7
var gs string = "go"
func fi(f float64) int64 {
	if f > -1e15 && f < 1e15 {
		return int64(f * 1000)
	}
	if f != f {
		return 1
	}
	return 2
}
var g1 string
var g2 int16
func f82() string {
	g2 = (int16(((-7) & g2)) / ((int16(fi(float64(g0))) & ((-32766) & g2)) | 1))
	println((string([]byte(gs + "!")) + g1[uint(g0) % uint(len(g1)+1):]), (int8(g0) << 2), interface{}((g0 >> 23)).(int))
	gs, g1 = g1, gs
	return "0123456789"
}
func f111(a112 []int, a113 interface{}) (float64, uint32) {
	v114 := f82()
	switch (v114 + func(x115 string, x116 uint8) string {
		return string(rune((5 | int32(g0))))
	}("", 171)) {
	case "日本", "xyz":
	}
	return float64(g0), uint32(fi(float64((3.0 * float64(g0)))))
}
func main() {
}
