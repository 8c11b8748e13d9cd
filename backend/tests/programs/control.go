package main

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	default:
		return "big"
	}
}

func sw(x int) {
	switch x {
	case 1, 2:
		print("one-two ")
		fallthrough
	case 3:
		print("three ")
	default:
		print("default ")
	case 4:
		print("four ")
		break
	}
	println()
}

func main() {
	for _, n := range []int{-1, 0, 5, 50} {
		print(classify(n), " ")
	}
	println()
	for i := 0; i < 6; i++ {
		sw(i)
	}
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			print(i, j, ";")
		}
	}
	println()
	i := 0
loop:
	if i < 3 {
		print(i)
		i++
		goto loop
	}
	println()
	k := 0
	for {
		k++
		if k%2 == 0 {
			continue
		}
		if k > 7 {
			break
		}
		print(k)
	}
	println()
	for k > 0 {
		k -= 3
	}
	println(k)
	switch s := "b"; s {
	case "a":
		println("a")
	case "b":
		println("b!")
	}
	x := 5
	if y := x * 2; y > 8 {
		println("y", y)
	} else if y > 4 {
		println("mid")
	} else {
		println("low")
	}
lbl:
	switch x {
	case 5:
		for {
			break lbl
		}
	}
	println("done")
}
