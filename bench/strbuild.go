package main

// String and byte-slice building with append: formats numbers into a
// growing []byte, converts between string and []byte, concatenates short
// strings, and checksums the results.

const n = 10000000 // test: 1000

func appendInt(b []byte, v int) []byte {
	if v == 0 {
		return append(b, '0')
	}
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	var tmp [20]byte
	i := len(tmp)
	for v > 0 {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[i:]...)
}

func hashBytes(h uint32, b []byte) uint32 {
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

func hashString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func main() {
	var buf []byte
	h := uint32(2166136261)
	lines := 0
	for i := 0; i < n; i++ {
		buf = append(buf, "item "...)
		buf = appendInt(buf, i*7-n)
		buf = append(buf, ',')
		if i%64 == 63 {
			buf = append(buf, '\n')
			s := string(buf)
			h = hashString(h, s)
			lines++
			buf = buf[:0]
		}
	}
	h = hashBytes(h, buf)

	words := []string{"alpha", "beta", "gamma", "delta", "epsilon"}
	total := 0
	for i := 0; i < n/20; i++ {
		s := ""
		for j := 0; j < 8; j++ {
			s += words[(i+j)%len(words)]
		}
		b := []byte(s)
		b = append(b, s[:i%len(s)]...)
		total += len(b)
		h = hashBytes(h, b)
	}
	println("lines:", lines, "bytes:", total, "hash:", h)
}
