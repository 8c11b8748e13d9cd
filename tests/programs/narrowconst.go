// Bounds checks of indexes of smaller integer types that inlining makes
// constant: gc's SSA folds their arithmetic as the type wraps (int8
// 100+100 is -56), unsigned division and remainder, shifts past the
// width and conversions, so prove sees a constant index: in range (no
// check), or below zero (a check that always fails, folded into its
// panic, with no record).
package main

func at8(s []int, a, b int8) int { return s[a+b] }

func atU8(s []int, a, b uint8) int { return s[a*b] }

func at16(s []int, a int16, n uint) int { return s[a<<n] }

func atU(s []int, a, b uint) int { return s[(a+a)%b] }

func at32(s []int, a int32) int { return s[int64(a)-3] }

func shr(s []int, a int32, n uint) int { return s[a>>n+1] }

func conv(s []int, a int) int { return s[uint8(a)] }

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panics:", r.(error).Error())
		}
	}()
	println(name, f())
}

func main() {
	s := []int{0, 10, 20, 30, 40, 50, 60, 70}
	try("int8 3+4", func() int { return at8(s, 3, 4) })
	try("int8 100+100", func() int { return at8(s, 100, 100) })
	try("uint8 16*16+5", func() int { return atU8(s, 16, 16) })
	try("uint8 2*3", func() int { return atU8(s, 2, 3) })
	try("int16 1<<2", func() int { return at16(s, 1, 2) })
	try("int16 1<<16", func() int { return at16(s, 1, 16) })
	try("int16 3<<15", func() int { return at16(s, 3, 15) })
	try("uint (5+5)%7", func() int { return atU(s, 5, 7) })
	try("int32 5-3", func() int { return at32(s, 5) })
	try("int32 1-3", func() int { return at32(s, 1) })
	try("int32 -8>>1+1", func() int { return shr(s, -8, 1) })
	try("int32 -8>>40+1", func() int { return shr(s, -8, 40) })
	try("uint8(258)", func() int { return conv(s, 258) })
	try("uint8(7)", func() int { return conv(s, 7) })
	t := []int{1, 2, 3, 4, 5, 6, 7, 8}
	println(at8(t, 3, 4), atU8(t, 2, 3), at16(t, 1, 2), atU(t, 5, 7), at32(t, 5), shr(t, -8, 40), conv(t, 258))
}
