package main

// The sieve of Eratosthenes over a []bool, repeated; counts the primes
// below n and sums them.

const n = 64000000 // test: 10000

func sieve(limit int) (int, int) {
	composite := make([]bool, limit)
	count, sum := 0, 0
	for i := 2; i < limit; i++ {
		if composite[i] {
			continue
		}
		count++
		sum += i
		for j := i * i; j < limit; j += i {
			composite[j] = true
		}
	}
	return count, sum
}

func main() {
	total := 0
	for r := 0; r < 3; r++ {
		count, sum := sieve(n - r)
		println("primes below", n-r, ":", count, "sum:", sum)
		total += count
	}
	println("total:", total)
}
