package main

// mandelbrot (Computer Language Benchmarks Game): the n x n bitmap of the
// Mandelbrot set; instead of writing the image it prints a checksum of
// its bytes and the number of points in the set.

const n = 3000 // test: 64

func main() {
	const iter = 50
	const limit = 4.0
	rowBytes := (n + 7) / 8
	row := make([]byte, rowBytes)
	hash := uint32(2166136261)
	inside := 0
	for y := 0; y < n; y++ {
		ci := 2*float64(y)/n - 1
		for i := range row {
			row[i] = 0
		}
		for x := 0; x < n; x++ {
			cr := 2*float64(x)/n - 1.5
			zr, zi, tr, ti := 0.0, 0.0, 0.0, 0.0
			k := 0
			for ; k < iter && tr+ti <= limit; k++ {
				zi = 2*zr*zi + ci
				zr = tr - ti + cr
				tr = zr * zr
				ti = zi * zi
			}
			if tr+ti <= limit {
				row[x/8] |= 0x80 >> uint(x%8)
				inside++
			}
		}
		for _, b := range row {
			hash ^= uint32(b)
			hash *= 16777619
		}
	}
	println("P4", n, n)
	println("inside:", inside, "checksum:", hash)
}
