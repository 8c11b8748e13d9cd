package main

// spectral-norm (Computer Language Benchmarks Game): the spectral norm of
// an infinite matrix by the power method; float64 loops over slices.

const n = 4000 // test: 50

func evalA(i, j int) float64 {
	return 1 / float64((i+j)*(i+j+1)/2+i+1)
}

func times(v []float64, u []float64) {
	for i := 0; i < len(v); i++ {
		a := 0.0
		for j := 0; j < len(u); j++ {
			a += evalA(i, j) * u[j]
		}
		v[i] = a
	}
}

func timesTransp(v []float64, u []float64) {
	for i := 0; i < len(v); i++ {
		a := 0.0
		for j := 0; j < len(u); j++ {
			a += evalA(j, i) * u[j]
		}
		v[i] = a
	}
}

func aTimesTransp(v []float64, u []float64, tmp []float64) {
	times(tmp, u)
	timesTransp(v, tmp)
}

func sqrt(x float64) float64 {
	z := x
	for i := 0; i < 100; i++ {
		nz := (z + x/z) / 2
		if nz == z {
			break
		}
		z = nz
	}
	return z
}

func main() {
	u := make([]float64, n)
	for i := range u {
		u[i] = 1
	}
	v := make([]float64, n)
	tmp := make([]float64, n)
	for i := 0; i < 10; i++ {
		aTimesTransp(v, u, tmp)
		aTimesTransp(u, v, tmp)
	}
	var vBv, vv float64
	for i, vi := range v {
		vBv += u[i] * vi
		vv += vi * vi
	}
	println(sqrt(vBv / vv))
}
