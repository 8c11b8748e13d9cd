package main

// Methods promoted from embedded interfaces, interfaces held in structs
// and compared, assertion panics.

type Writer interface {
	Write(p []byte) (n int, err error)
}

type Counter struct{ n int }

func (c *Counter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// Logged gets Write from its embedded Writer.
type Logged struct {
	Writer
	lines int
}

type Pair struct {
	a, b interface{ Write(p []byte) (int, error) }
}

type Closer interface{ Close() }

func write(w Writer, s string) int {
	n, _ := w.Write([]byte(s))
	return n
}

func main() {
	c := &Counter{}
	l := Logged{c, 0}
	write(l, "hello")
	write(&l, "hi")
	l.Write([]byte("abc"))
	println(c.n)

	p1 := Pair{c, c}
	p2 := Pair{c, c}
	println(p1 == p2, p1.a == p2.b)
	var w Writer = l
	var w2 Writer = l
	println(w == w2)

	defer func() {
		println(recover().(error).Error())
		var x interface{} = l
		_ = x.(Closer)
	}()
	var none Writer
	_ = none.(Closer)
}
