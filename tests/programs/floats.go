// Float printing in println's format (+1.500000e+000), special values,
// conversions between floats and integers, float arithmetic.
package main

func main() {
	println(1.5, -0.25, 0.0, 100.0, 1e100, 1e-7)
	x := 3.0
	println(x/7, x*x, -x)
	var zero float64
	println(1/zero, -1/zero, zero/zero == zero/zero)
	negz := -zero
	println(negz, zero == negz)
	f := 2.75
	println(int(f), int(-f), int64(1e18), float64(7)/2)
	println(uint8(f), float64(int8(-3)))
	sum := 0.0
	for i := 1; i <= 10; i++ {
		sum += 1.0 / float64(i)
	}
	println(sum)
	println(0.1+0.2 == 0.3, 0.1+0.2)
	big := 123456789.0
	println(big, big*big)
	println(float64(1<<53+1), 5e-324, 1.7976931348623157e308)
}
