// Control flow: expression and tagless switches, fallthrough, labelled
// break and continue out of nested loops, goto.
package main

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func grade(n int) string {
	s := ""
	switch n {
	case 5:
		s += "5"
		fallthrough
	case 4:
		s += "4"
		fallthrough
	case 3:
		s += "3"
	case 2, 1:
		s += "low"
	default:
		s = "none"
	}
	return s
}

func main() {
	for _, n := range []int{-3, 0, 4, 7} {
		println(n, classify(n))
	}
	for n := 0; n <= 6; n++ {
		println(n, grade(n))
	}

outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			println(i, j)
		}
	}

	count := 0
loop:
	for {
		switch {
		case count >= 3:
			break loop
		default:
			count++
		}
	}
	println("count", count)

	i := 0
again:
	if i < 3 {
		i++
		goto again
	}
	println("goto", i)

	switch x := 2 * 3; x {
	case 6:
		println("six")
	}
}
