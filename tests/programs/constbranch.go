// Branches on constants: gc's SSA makes constants of an inlined call's
// parameters and of variables defined once, folds comparisons of them and
// drops the branch not taken, with its nil and bounds checks, before its
// nil-check and prove passes run.
package main

type node struct {
	val  int
	next *node
}

func pick(c bool, p *node) int {
	if c {
		p.val = 2
	}
	return p.val
}

type failure struct{ msg string }

func (f *failure) Error() string { return f.msg }

func check(s string) error {
	if s == "" {
		return &failure{"empty"}
	}
	return nil
}

func limit(n int, s []int) int {
	if n > 2 {
		return s[0]
	}
	return s[7]
}

func both(a, b bool, p *node) int {
	if a && !b {
		return p.next.val
	}
	return p.val
}

var list = &node{1, &node{5, nil}}

func main() {
	println(pick(true, list), pick(false, list))
	if err := check(""); err != nil {
		println(err.Error())
	}
	println(check("x") == nil)
	s := []int{4, 5, 6}
	println(limit(3, s))
	k := 10
	if k < 5 {
		println(s[9])
	}
	println(both(true, false, list), both(false, false, list))
	defer func() {
		println("recovered:", recover() != nil)
	}()
	println(pick(false, nil))
}
