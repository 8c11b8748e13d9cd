package main

// Go builds this; minigo supports no imports and says so once per import,
// without follow-on errors for the uses of the package.

import (
	"fmt"
	str "strings"
)

func main() {
	fmt.Println(str.ToUpper("hi"))
}
