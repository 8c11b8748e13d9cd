package main

// A worker pool: CPU-bound jobs (counting the steps of Collatz sequences
// over a range) handed to a few workers through a channel, their results
// gathered through another.

const jobs = 400 // test: 8

const perJob = 20000

type result struct {
	job, steps int
}

func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func worker(work <-chan int, results chan<- result) {
	for job := range work {
		total := 0
		for n := job*perJob + 1; n <= (job+1)*perJob; n++ {
			total += collatz(n)
		}
		results <- result{job, total}
	}
}

func main() {
	work := make(chan int, jobs)
	results := make(chan result, jobs)
	for w := 0; w < 4; w++ {
		go worker(work, results)
	}
	for j := 0; j < jobs; j++ {
		work <- j
	}
	close(work)
	total, most := 0, result{}
	for j := 0; j < jobs; j++ {
		r := <-results
		total += r.steps
		if r.steps > most.steps || r.steps == most.steps && r.job < most.job {
			most = r
		}
	}
	println("steps", total, "longest job", most.job, most.steps)
}
