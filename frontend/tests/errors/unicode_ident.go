package main

// Non-ASCII characters that are not letters: gc reads them into an
// identifier (a regression: the line-directive scan sliced the source
// inside a multibyte character and panicked).

var x⊛y = 1

func main() {}
