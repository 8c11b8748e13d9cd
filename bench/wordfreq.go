package main

// Maps under load: the words of a pseudo-random text counted in a
// map[string]int, the fragments of lengths 1 to 4 of a DNA-like sequence
// counted as k-nucleotide counts them, and a map[int]int filled, probed
// and emptied again; the summaries do not depend on iteration order.

const n = 1000000 // test: 2000

var syllables = []string{"ka", "lo", "mi", "ne", "ru", "ta", "vo", "ze", "pa", "shi"}

var seed uint32 = 42

func next() uint32 {
	seed = seed*1664525 + 1013904223
	return seed >> 8
}

func words() {
	counts := make(map[string]int)
	buf := make([]byte, 0, 16)
	for i := 0; i < n; i++ {
		buf = buf[:0]
		parts := 1 + int(next()%3)
		for j := 0; j < parts; j++ {
			buf = append(buf, syllables[next()%10]...)
		}
		counts[string(buf)]++
	}
	most, total := 0, 0
	for _, c := range counts {
		total += c
		if c > most {
			most = c
		}
	}
	println("words:", len(counts), "distinct,", total, "in all, the most frequent", most, "times")
}

func fragments() {
	seq := make([]byte, n)
	for i := range seq {
		seq[i] = "ACGT"[next()%4]
	}
	text := string(seq)
	for k := 1; k <= 4; k++ {
		counts := make(map[string]int)
		for i := 0; i+k <= len(text); i++ {
			counts[text[i:i+k]]++
		}
		most := 0
		for _, c := range counts {
			if c > most {
				most = c
			}
		}
		println("fragments of", k, ":", len(counts), "distinct, the most frequent", most, "times, the first", counts[text[:k]])
	}
}

func numbers() {
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i*7919%n] = i
	}
	hits := 0
	for i := 0; i < 2*n; i += 3 {
		if _, ok := m[i]; ok {
			hits++
		}
	}
	for i := 0; i < n; i += 2 {
		delete(m, i)
	}
	sum := 0
	for k, v := range m {
		sum += k ^ v
	}
	println("numbers:", hits, "hits,", len(m), "left, checksum", sum)
}

func main() {
	words()
	fragments()
	numbers()
}
