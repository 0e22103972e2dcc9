package resolve

import "strings"

// URLs and DOIs are no words of a description: dropLinks replaces each
// with a space. It reads what the regular expression
//
//	(?i)(?:https?://|www\.)\S+|\bdoi:?\s*10\.\d{3,9}/\S+|\b10\.\d{4,9}/\S+
//
// would match (TestDropLinksAsRegexp), by hand: on references that end in
// a DOI the expression was a third of the time spent describing them.

// dropLinks returns s with its URLs and DOIs replaced by a space each.
func dropLinks(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		end := linkAt(s, i)
		if end < 0 {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last:i])
		b.WriteByte(' ')
		last, i = end, end-1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// linkAt returns the end of the URL or DOI that begins at s[i], or -1.
func linkAt(s string, i int) int {
	switch c := s[i] | 0x20; { // lower case, for letters
	case c == 'h':
		j := i + len("http")
		if !hasPrefixFold(s[i:], "http") {
			return -1
		}
		if j < len(s) && (s[j] == 's' || s[j] == 'S') {
			j++
		}
		if !strings.HasPrefix(s[j:], "://") {
			return -1
		}
		return nonSpaces(s, j+len("://"))
	case c == 'w':
		if !hasPrefixFold(s[i:], "www.") {
			return -1
		}
		return nonSpaces(s, i+len("www."))
	case c == 'd' && wordStart(s, i) && hasPrefixFold(s[i:], "doi"):
		j := i + len("doi")
		if j < len(s) && s[j] == ':' {
			j++
		}
		for j < len(s) && isRegexpSpace(s[j]) {
			j++
		}
		return doiAt(s, j, 3)
	case s[i] == '1' && wordStart(s, i):
		return doiAt(s, i, 4)
	}
	return -1
}

// doiAt returns the end of a DOI, "10." with minDigits to 9 digits, a
// slash and something, that begins at s[j], or -1.
func doiAt(s string, j, minDigits int) int {
	if !strings.HasPrefix(s[j:], "10.") {
		return -1
	}
	k := j + len("10.")
	d := k
	for d < len(s) && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	if n := d - k; n < minDigits || n > 9 || d == len(s) || s[d] != '/' {
		return -1
	}
	return nonSpaces(s, d+1)
}

// nonSpaces returns the end of the non-space run (one byte or more) at
// s[j], or -1 if there is none.
func nonSpaces(s string, j int) int {
	k := j
	for k < len(s) && !isRegexpSpace(s[k]) {
		k++
	}
	if k == j {
		return -1
	}
	return k
}

// isRegexpSpace is \s of Go's regular expressions.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// wordStart reports whether s[i] begins an ASCII word (\b before a word
// character).
func wordStart(s string, i int) bool {
	return i == 0 || !isWordByte(s[i-1])
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// hasPrefixFold reports whether s begins with the lower-case ASCII prefix,
// in any case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if c := s[i]; c != prefix[i] && (c < 'A' || c > 'Z' || c|0x20 != prefix[i]) {
			return false
		}
	}
	return true
}
