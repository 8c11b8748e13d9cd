// Big pointer-free allocations read as zero, also when they reuse memory
// that earlier big slices dirtied (the runtime hands their pages back to the
// kernel instead of clearing them byte by byte).
package main

func sum(b []byte, step int) int {
	s := 0
	for i := 0; i < len(b); i += step {
		s += int(b[i])
	}
	return s
}

func main() {
	b := make([]byte, 1<<30)
	b[len(b)-1] = 7
	println(len(b), cap(b), sum(b, 1<<20), b[len(b)-1])
	total := 0
	for round := 0; round < 40; round++ {
		c := make([]byte, 5<<20+round)
		total += sum(c, 1)
		for i := range c {
			c[i] = byte(round + 1)
		}
		c = append(c, 1)
		total += sum(c[5<<20+round:cap(c)], 1) + len(c)
	}
	println(total)
}
