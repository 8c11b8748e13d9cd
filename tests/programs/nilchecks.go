package main

// Nil checks that must stay: each function dereferences a pointer that may be
// nil on some path to the dereference, although it is known not to be nil on
// others (an earlier dereference, an assignment of an address). Each call
// recovers from its panic and prints it. The fields lie beyond the first
// page, so that a missing check would not fault like a nil dereference.

type node struct {
	pad  [1024]int
	val  int
	next *node
}

func afterReassign() int {
	p := &node{val: 1}
	p.val++
	p = nil
	return p.val
}

func afterBranch(c bool, p *node) int {
	if c {
		p.val = 2
	}
	return p.val
}

func afterLoop(p *node) int {
	for p.next != nil {
		p = p.next
	}
	q := p
	p = p.next
	return q.val + p.val
}

func shortCircuit(p *node) int {
	if p != nil && p.val > 0 {
		return 1
	}
	return p.val
}

func viaGoto(p *node, n int) int {
	total := p.val
again:
	total += p.val
	if n > 0 {
		n--
		p = p.next
		goto again
	}
	return total
}

func inSwitch(p *node, k int) int {
	switch k {
	case 0:
		p.val = 5
		fallthrough
	case 1:
		return p.val
	}
	return p.next.val
}

func arrayPtr(a *[1024]int, i int) int {
	b := a
	a = &[1024]int{1, 2, 3, 4}
	return a[i] + b[i]
}

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panicked")
		}
	}()
	println(name, f())
}

func main() {
	list := &node{val: 1, next: &node{val: 2}}
	try("afterReassign", afterReassign)
	try("afterBranch true", func() int { return afterBranch(true, list) })
	try("afterBranch false nil", func() int { return afterBranch(false, nil) })
	try("afterLoop", func() int { return afterLoop(list) })
	try("shortCircuit", func() int { return shortCircuit(list) })
	try("shortCircuit nil", func() int { return shortCircuit(nil) })
	try("viaGoto", func() int { return viaGoto(list, 1) })
	try("viaGoto nil", func() int { return viaGoto(list, 2) })
	try("inSwitch 0", func() int { return inSwitch(&node{}, 0) })
	try("inSwitch 2", func() int { return inSwitch(&node{}, 2) })
	try("arrayPtr", func() int { return arrayPtr(&[1024]int{5, 6, 7, 8}, 2) })
	try("arrayPtr nil", func() int { return arrayPtr(nil, 1000) })
}
