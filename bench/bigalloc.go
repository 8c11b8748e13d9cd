package main

// Big buffers of which a program uses only a part: n MiB of bytes and n MiB
// of pointers, written once per 64 KiB. Go's fresh spans come from the OS
// already zero; a runtime that clears what it allocates writes every page.

const n = 1024 // test: 16

//go:noinline
func touch(b []byte, step int) int {
	s := 0
	for i := 0; i < len(b); i += step {
		p := &b[i]
		*p = byte(i >> 16)
		s += int(*p)
	}
	return s
}

//go:noinline
func mark(ptrs []*int, x *int, step int) {
	for i := 0; i < len(ptrs); i += step {
		ptrs[i] = x
	}
}

func count(ptrs []*int) int {
	c := 0
	for _, p := range ptrs {
		if p != nil {
			c++
		}
	}
	return c
}

func main() {
	total := 0
	for round := 0; round < 4; round++ {
		bytes := make([]byte, n<<20)
		ptrs := make([]*int, n<<17)
		x := round
		mark(ptrs, &x, 8<<10)
		total += touch(bytes, 64<<10) + count(ptrs)
	}
	println(total)
}
