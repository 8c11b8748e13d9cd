package main

// Return statements with the wrong number of values.

func two() (int, string) {
	return 1
}

func none() {
	return 5
}

func three() (int, int, int) {
	return 1, 2, 3, 4
}

func missing() int {
	return
}

func named() (x, y int) {
	return 1
}

func spread() (int, int) {
	return two()
}

func main() {
	two()
	none()
	three()
	missing()
	named()
	spread()
}
