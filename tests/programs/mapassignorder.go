package main

// gc's order pass copies the value assigned to a map element into a
// temporary ahead of the statement (safeMapRHS), unless it is a name or a
// constant; a key goes to a temporary first when the map has no fast
// access routine (mapKeyTemp). Walk reports the bounds checks it elides in
// that order (fuzz seed 1000278).

var g0 = 3

type pair struct{ a, b int64 }

func main() {
	var a [8]int64
	m := map[int64]int64{}
	m[a[uint(g0)%8]] = a[uint(g0+1)%8]
	m[a[uint(g0)%8]] -= a[uint(g0+2)%8]
	m[a[uint(g0)%8]] /= a[uint(g0+3)%8] + 1
	m[a[uint(g0)%8]] += 1
	m[a[uint(g0)%8]]++
	v := a[uint(g0)%8]
	m[a[uint(g0+4)%8]] = v

	s := []string{"x", "y", "z", "w"}
	ms := map[string]int64{}
	ms[s[uint(g0)%4]] = a[uint(g0+5)%8]

	mp := map[pair]int64{}
	mp[pair{a[uint(g0)%8], 1}] = a[uint(g0+6)%8]
	mp[pair{a[uint(g0)%8], 1}] *= a[uint(g0+7)%8]

	mk := map[[2]int64]int64{}
	mk[[2]int64{a[uint(g0)%8]}] = a[uint(g0+1)%8] * 2
	println(len(m), len(ms), len(mp), len(mk))
}
