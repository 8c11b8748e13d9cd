// A deferred call panics while a nil dereference unwinds: Go prints both
// panic lines, then the fault's signal line.
package main

type T struct{ x int }

var p *T

func main() {
	defer func() {
		panic("in defer")
	}()
	println(p.x)
}
