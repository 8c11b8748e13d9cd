// Line directives move the positions gc reports: //line at the start of a
// line from the next line on, without a column unless it gives one;
// /*line*/ right after the comment; an empty file name with a column keeps
// the current file. A "//line" inside a string is text.
package main

type point struct{ x, y int }

//line gen/points.y:100
func mk(x int) *point {
	return &point{x, x}
}

//line gen/points.y:200:5
func sum(p *point) int { return p.x + p.y }

func keep(p *point) *point {
	return p
}

/*line :300:1*/ func store(p *point) { global = p }

var global *point

const raw = `
//line nowhere.go:1
`

func main() {
	p := mk(3)
	q := &point{1, 2} /*line other.y:7:20*/
	r := &point{4, /*line :9:9*/ 5}
	store(r)
	println(sum(p), sum(keep(q)), len(raw))
}
