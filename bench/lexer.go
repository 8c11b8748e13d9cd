package main

// A lexer over generated source text. Its hot path is Lexer.next, called
// once per token, which costs more than the inliner's budget of 80 and
// returns each token as a new *Token: not inlined, every token is a heap
// allocation; inlined at its hot call site, as profile-guided inlining
// does (bench/pgo), the token no longer escapes and lives on the stack.

const (
	tokEOF = iota
	tokIdent
	tokNumber
	tokOp
	tokKinds
)

type Token struct {
	kind  int
	start int
	end   int
	value int
}

type Lexer struct {
	src []byte
	pos int
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c == '_' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// next returns a new token: a word, a number (with its value) or an
// operator (a parenthesis too).
func (l *Lexer) next() *Token {
	for l.pos < len(l.src) && l.src[l.pos] == ' ' {
		l.pos++
	}
	if l.pos >= len(l.src) {
		return &Token{kind: tokEOF, start: l.pos, end: l.pos}
	}
	start := l.pos
	c := l.src[l.pos]
	switch {
	case isLetter(c):
		for l.pos < len(l.src) && isLetter(l.src[l.pos]) {
			l.pos++
		}
		return &Token{kind: tokIdent, start: start, end: l.pos}
	case isDigit(c):
		v := 0
		for l.pos < len(l.src) && isDigit(l.src[l.pos]) {
			v = v*10 + int(l.src[l.pos]-'0')
			l.pos++
		}
		return &Token{kind: tokNumber, start: start, end: l.pos, value: v}
	}
	l.pos++
	return &Token{kind: tokOp, start: start, end: l.pos, value: int(c)}
}

// generate writes n tokens of pseudo-random source text.
func generate(n int) []byte {
	src := make([]byte, 0, n*6)
	seed := uint32(12345)
	words := []string{"x", "count", "a_b", "value", "if", "loop"}
	ops := []byte{'+', '-', '*', '/', '=', '<'}
	for i := 0; i < n; i++ {
		seed = seed*1664525 + 1013904223
		r := int(seed >> 8)
		switch r % 5 {
		case 0, 1:
			src = append(src, words[r/5%len(words)]...)
		case 2:
			v := r / 5 % 100000
			if v == 0 {
				src = append(src, '0')
			}
			var digits [8]byte
			k := 0
			for v > 0 {
				digits[k] = byte('0' + v%10)
				v /= 10
				k++
			}
			for k > 0 {
				k--
				src = append(src, digits[k])
			}
		case 3:
			src = append(src, ops[r/5%len(ops)])
		default:
			if r/5%2 == 0 {
				src = append(src, '(')
			} else {
				src = append(src, ')')
			}
		}
		src = append(src, ' ')
	}
	return src
}

// The tokens of the generated text.
const size = 1000000 // test: 2000

func main() {
	src := generate(size)
	var counts [tokKinds]int
	sum := 0
	for round := 0; round < 30; round++ {
		l := &Lexer{src: src}
		for {
			t := l.next()
			if t.kind == tokEOF {
				break
			}
			counts[t.kind]++
			sum += t.value + t.end - t.start
		}
	}
	println("tokens:", counts[tokIdent], counts[tokNumber], counts[tokOp])
	println("sum:", sum)
}
