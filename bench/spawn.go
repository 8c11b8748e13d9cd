package main

// Spawning goroutines: rounds of 100,000 of them, each squaring its number
// and sending the result back, gathered by main.

const goroutines = 100000 // test: 1000

const rounds = 5

func square(i int, out chan<- int) {
	out <- i * i % 1000
}

func main() {
	out := make(chan int, goroutines)
	sum := 0
	for round := 0; round < rounds; round++ {
		for i := 0; i < goroutines; i++ {
			go square(i, out)
		}
		for i := 0; i < goroutines; i++ {
			sum += <-out
		}
	}
	println("sum", sum)
}
