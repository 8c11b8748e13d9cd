package main

// types2's errors in type switches: not an interface, impossible and
// duplicate cases, an unused or blank variable, fallthrough.

type I interface{ M() }

type T struct{}

func (*T) M() {}

type U struct{}

func f(x interface{}, i I, n int) {
	switch v := x.(type) {
	}
	switch n.(type) {
	}
	switch i.(type) {
	case T:
	case *T, *T:
	case nil, nil:
	case int:
	}
	switch _ := x.(type) {
	}
	switch y := x.(type) {
	case int:
		fallthrough
	case string:
		println(y)
	}
	switch x.(type) {
	case undefinedType:
	case U:
	}
}

func main() {
	f(nil, nil, 1)
}
