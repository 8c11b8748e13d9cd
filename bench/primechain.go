package main

// The concurrent prime sieve of Go's documentation: a chain of goroutines,
// one filter per prime found, each passing on what its prime does not divide.

const primes = 3000 // test: 20

func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	ch := make(chan int)
	go generate(ch)
	sum := 0
	for i := 0; i < primes; i++ {
		prime := <-ch
		sum += prime
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
	println(primes, "primes, sum", sum)
}
