package pkg

// A package other than main is compiled with the path
// command-line-arguments, which names its static temporaries and qualifies
// the unexported methods of its interface types.

type T map[int]string

var q = &T{}

func F(i interface{ m() int }) int {
	return i.m()
}
