// A label needs a statement after it; only a closing brace may stand in for
// one, not the next case clause (gc's parser: "missing statement after
// label", at the colon; Go's fixedbugs/issue14006.go).
package main

func main() {
	i := 1
	switch i {
	case 0:
		goto done
	done:
	case 1:
	}
	switch {
	default:
	end:
	}
	goto end
}
