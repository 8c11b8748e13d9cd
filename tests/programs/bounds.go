package main

// gc's walk-time bounds rule: indexes into arrays, pointers to arrays and
// constant strings that the index's type or shape keeps in range are not
// checked, and -m reports them ("index bounds check elided"), in walk order.

var table [256]uint32
var small [16]int

const hexDigits = "0123456789abcdef"

type ring struct {
	slots [64]int
	head  uint
}

func (r *ring) push(v int) {
	r.slots[r.head%64] = v
	r.head++
}

func (r *ring) sum() int {
	total := 0
	for i := uint(0); i < 64; i++ {
		total += r.slots[i&63]
	}
	return total
}

func hex(b byte) string {
	return string([]byte{hexDigits[b>>4], hexDigits[b&15]})
}

func crc(data []byte) uint32 {
	c := ^uint32(0)
	for _, b := range data {
		c = table[byte(c)^b] ^ (c >> 8)
	}
	return ^c
}

func build() {
	for i := range table {
		c := uint32(i)
		for k := 0; k < 8; k++ {
			if c&1 == 1 {
				c = 0xedb88320 ^ (c >> 1)
			} else {
				c >>= 1
			}
		}
		table[i] = c
	}
}

func main() {
	build()
	p := &small
	shift := func(x uint16) int { return small[x>>12] }
	bump := func(x uint8) { p[x&^0xf0]++ }
	for i := 0; i < 100; i++ {
		bump(uint8(i * 7))
	}
	r := &ring{}
	for i := 0; i < 200; i++ {
		r.push(i * 3)
	}
	var counts [4]int
	for i := uint8(0); i < 200; i++ {
		counts[i%4] += int(table[i])&1 + shift(uint16(i)<<8)
	}
	println(hex(0xa7), crc([]byte("hello, world")), r.sum(), counts[0], counts[3], small[5], hexDigits[uint8(200)/16])
}
