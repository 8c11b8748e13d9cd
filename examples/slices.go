// Slices: append grows the backing array, sub-slices share it, and an
// insertion sort works in place.
package main

func insertionSort(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func main() {
	var primes []int
	for n := 2; len(primes) < 10; n++ {
		isPrime := true
		for _, p := range primes {
			if n%p == 0 {
				isPrime = false
				break
			}
		}
		if isPrime {
			primes = append(primes, n)
		}
	}
	println("primes:", len(primes), "cap", cap(primes))
	for _, p := range primes {
		print(p, " ")
	}
	println()

	xs := []int{5, 2, 9, 1, 7, 3}
	insertionSort(xs[1:4])
	println(xs[0], xs[1], xs[2], xs[3], xs[4], xs[5])
	insertionSort(xs)
	println(xs[0], xs[1], xs[2], xs[3], xs[4], xs[5])
}
