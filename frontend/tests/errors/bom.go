package main

// A byte order mark is allowed only at the start of the file.

func main() {
	﻿println(1)
}
