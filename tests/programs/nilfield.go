package main

// A nil pointer's field is read, then written, where the pointer is not
// known to be nil: the access itself faults, at the field's offset (gc's
// implicit nil check; Go prints that address).

type T struct {
	a, b int
	s    string
}

//go:noinline
func get(p *T) string { return p.s }

//go:noinline
func set(p *T, v int) { p.b = v }

func main() {
	defer func() {
		println("recovered:", recover().(error).Error())
		set(nil, 1)
	}()
	println(get(nil))
}
