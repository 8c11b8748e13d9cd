package main

// Conditions and loops that prove a pointer is not nil, as gc's nil-check
// pass uses them, and the ones that do not: each function runs with nil
// and non-nil pointers, recovering from its panic. The field lies beyond
// the first page, so a missing check would not fault like a nil
// dereference.

type node struct {
	pad  [1024]int
	val  int
	next *node
}

func guarded(p *node) int {
	if p == nil {
		return -1
	}
	return p.val
}

func orNil(p *node) bool { return p == nil || p.val > 0 }

func andNotNil(p *node) bool { return p != nil && p.val > 0 }

func negated(p *node) int {
	if !(p == nil) {
		return p.val
	}
	return 0
}

func elseBranch(p *node) int {
	if p == nil {
		return 0
	} else {
		p.val++
	}
	return p.val
}

func reassignedInElse(p, q *node) int {
	if p == nil {
		return 0
	} else {
		p = q
	}
	return p.val
}

func afterBreak(p *node) int {
	for p != nil {
		if p.val == 0 {
			break
		}
		p = p.next
	}
	return p.val
}

func afterLoop(p *node) int {
	for p.next != nil {
		p = p.next
	}
	return p.val
}

func bothBranches(p *node, c bool) int {
	if p != nil && c {
		return p.val
	} else if c {
		return p.val
	}
	return 0
}

var yes, no = true, false

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panic:", r.(error).Error())
		}
	}()
	println(name, f())
}

func main() {
	list := &node{val: 1, next: &node{val: 2}}
	try("guarded", func() int { return guarded(list) })
	try("guarded nil", func() int { return guarded(nil) })
	try("orNil", func() int { println(orNil(list), orNil(nil)); return 0 })
	try("andNotNil", func() int { println(andNotNil(list), andNotNil(nil)); return 0 })
	try("negated", func() int { return negated(list) + negated(nil) })
	try("elseBranch", func() int { return elseBranch(list) + elseBranch(nil) })
	try("reassignedInElse", func() int { return reassignedInElse(list, list.next) })
	try("reassignedInElse nil", func() int { return reassignedInElse(list, nil) })
	try("afterBreak", func() int { return afterBreak(&node{val: 0}) })
	try("afterBreak nil", func() int { return afterBreak(list) })
	try("afterLoop", func() int { return afterLoop(list) })
	try("bothBranches", func() int { return bothBranches(list, yes) + bothBranches(nil, no) })
	try("bothBranches nil", func() int { return bothBranches(nil, yes) })
}
