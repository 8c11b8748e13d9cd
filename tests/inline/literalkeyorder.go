package main

// Below -m=2 gc's hairy visitor stops as soon as a function is over
// budget, and a function literal called in it is decided (and its
// "can inline" printed) when the walk reaches the call. A literal's key
// nodes (OSTRUCTKEY, a map entry's OKEY) are charged one by one as the
// walk reaches each entry: here the walk reaches the called literal before
// the budget runs out. minigo charged all keys with the literal and
// stopped first, printing "can inline f.func1" after "inlining call to
// small" (fuzz seed 1080249).

type S struct{ a, b, c, d, e, f int }

func small(n int) int { return n + 1 }

func f(x int) int {
	x = small(x)
	x += 1
	x += 2
	x += 3
	x += 4
	x += 5
	x += 6
	x += 7
	x += 8
	x += 9
	x += 10
	x += 11
	x += 12
	x += 13
	x += 14
	x += 15
	x += 16
	x += 17
	x += 18
	x += 19
	x += 20
	v := S{a: x, b: func() int { return 2 }(), c: 3, d: 4, e: 5, f: 6}
	return v.a + v.b + v.c + v.d + v.e + v.f
}

func g(x int) int {
	x = small(x)
	x += 1
	x += 2
	x += 3
	x += 4
	x += 5
	x += 6
	x += 7
	x += 8
	x += 9
	x += 10
	x += 11
	x += 12
	x += 13
	x += 14
	x += 15
	x += 16
	x += 17
	x += 18
	x += 19
	x += 20
	m := map[int]int{1: x, 2: func() int { return 2 }(), 3: 3, 4: 4, 5: 5, 6: 6}
	return m[1] + m[2]
}

func main() {
	println(f(1), g(2))
}
