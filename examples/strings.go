// Strings: bytes and runes, building a string, and a palindrome check on
// runes so that non-ASCII text works.
package main

func isPalindrome(s string) bool {
	var rs []rune
	for _, r := range s {
		rs = append(rs, r)
	}
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		if rs[i] != rs[j] {
			return false
		}
	}
	return true
}

func repeat(s string, n int) string {
	out := ""
	for i := 0; i < n; i++ {
		out += s
	}
	return out
}

func main() {
	word := "añña"
	println(word, "has", len(word), "bytes")
	for i, r := range word {
		println(" byte offset", i, "rune", string(r))
	}
	println("palindrome:", isPalindrome(word), isPalindrome("minigo"))
	println(repeat("ab", 3) + "!")
}
