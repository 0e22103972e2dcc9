package refparse

import (
	"strings"
	"unicode/utf8"
)

// Text taken from PDFs and scans reads digits as the letters they look
// like: "(l995)", "2O08", "19B3", "I76", "201S". The rules find years,
// volumes and pages by their digits, so readDigitLookAlikes reads such
// numbers back before parsing. Only runs that clean text does not write
// are rewritten: a leading "S" or "B" is a supplement's page or a code
// ("S213", "B12"), and a trailing one a unit or a suffix ("28S", "10B",
// "1971B") unless the run is a year ("201S"). In a page range the other
// end tells more: "10B–112", "S23–524" and "2lB–232" are 108–112, 523–524
// and 218–232 (readRangeLookAlikes).

// lookAlikeLetters are the letters LookAlikeDigit reads as digits.
const lookAlikeLetters = "lIOSB"

// LookAlikeDigit is the digit a look-alike letter stands for, 0 for none.
// Lower case "o", "s" and "b" are left out: OCR reads the digits as upper
// case letters, and "1960s" is a decade.
func LookAlikeDigit(c byte) byte {
	switch c {
	case 'l', 'I':
		return '1'
	case 'O':
		return '0'
	case 'S':
		return '5'
	case 'B':
		return '8'
	}
	return 0
}

// readDigitLookAlikes rewrites each run of ASCII letters and digits made
// of digits and look-alike letters, with no fewer digits than letters, as
// the number it stands for, and parts a year run into the word before it
// ("Sciences1989", "Pathology20O0"). s is returned as it is when nothing
// changes.
func readDigitLookAlikes(s string) string {
	var b []byte // nil until the first change
	done := 0    // s[:done] is in b
	for i := 0; i < len(s); {
		// Only a run with a digit can change: find the next digit and
		// widen its run, no further back than the last run.
		d := i
		for d < len(s) && (s[d] < '0' || s[d] > '9') {
			d++
		}
		if d == len(s) {
			break
		}
		for d > i && isASCIIAlnum(s[d-1]) {
			d--
		}
		i = d
		j, digits := i, 0
		for j < len(s) && isASCIIAlnum(s[j]) {
			if s[j] <= '9' {
				digits++
			}
			j++
		}
		if digits == j-i {
			i = j // a number: most runs with a digit
			continue
		}
		from := i
		if run := s[i:j]; !lookAlikeNumber(run) {
			from = j - 4
			if !gluedYear(run) || inLink(s, i, j) {
				i = j
				continue
			}
		}
		if b == nil {
			b = make([]byte, 0, len(s)+4)
		}
		b = append(b, s[done:from]...)
		if from > i {
			b = append(b, ' ')
		}
		for k := from; k < j; k++ {
			if d := LookAlikeDigit(s[k]); d != 0 {
				b = append(b, d)
			} else {
				b = append(b, s[k])
			}
		}
		done = j
		i = j
	}
	if b == nil {
		return readRangeLookAlikes(s)
	}
	return readRangeLookAlikes(string(append(b, s[done:]...)))
}

// readRangeLookAlikes reads the look-alike letters of a page range whose
// ends, read as digits, make a range: the same number of digits or more
// at its end, and an end no less than its start ("10B–112", "S23–524",
// "lI3–119", "862B–B634", "127(I-2)"). A letter both ends begin with is a prefix and
// stays ("S2l3–S217" is S213–S217; "S1–S9" and "B12–B15" are left as
// they are), and so does one both ends close with ("16S–23S"). s is returned as it is when nothing changes.
func readRangeLookAlikes(s string) string {
	var b []byte // nil until the first change
	done := 0    // s[:done] is in b
	for i := 1; i < len(s); i++ {
		if s[i] != '-' && s[i] != 0xE2 { // every other dash is encoded from 0xE2
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isDash(r) || !isASCIIAlnum(s[i-1]) || i+n >= len(s) || !isASCIIAlnum(s[i+n]) {
			continue
		}
		from := i
		for from > done && isASCIIAlnum(s[from-1]) {
			from--
		}
		to := i + n
		for to < len(s) && isASCIIAlnum(s[to]) {
			to++
		}
		prefix := 0
		if s[from] == s[i+n] && isASCIILetter(s[from]) {
			prefix = 1 // "S2l3–S217"
		}
		if a, z, ok := lookAlikeRange(s[from+prefix:i], s[i+n+prefix:to]); ok {
			if b == nil {
				b = make([]byte, 0, len(s))
			}
			b = append(b, s[done:from+prefix]...)
			b = append(b, a...)
			b = append(b, s[i:i+n+prefix]...)
			b = append(b, z...)
			done = to
		}
		i = to - 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[done:]...))
}

// lookAlikeRange reads the ends of a range written with look-alike
// letters; ok is false unless one end has such a letter and both read as
// numbers that make a range.
func lookAlikeRange(first, last string) (a, z []byte, ok bool) {
	if first == "" || len(first) > len(last) || len(last) > 9 || first[len(first)-1] == last[len(last)-1] && isASCIILetter(last[len(last)-1]) {
		// A letter both ends close with is a suffix: "16S–23S rRNA".
		return nil, nil, false
	}
	if !strings.ContainsAny(first, lookAlikeLetters) && !strings.ContainsAny(last, lookAlikeLetters) {
		return nil, nil, false // most ranges: "371-382"
	}
	a, na := readLookAlikes(first)
	z, nz := readLookAlikes(last)
	if a == nil || z == nil || na+nz == 0 || na == len(first) && (na > 1 || nz > 0) || nz == len(last) {
		return nil, nil, false // a letter alone only before digits: "(I-2)"
	}
	if len(a) == len(z) && string(a) > string(z) {
		return nil, nil, false
	}
	return a, z, true
}

// readLookAlikes reads a run of digits and look-alike letters as digits
// and counts the letters; it returns nil for a run with another letter.
func readLookAlikes(run string) ([]byte, int) {
	out := make([]byte, len(run))
	letters := 0
	for k := 0; k < len(run); k++ {
		c := run[k]
		if !isDigitByte(c) {
			if c = LookAlikeDigit(c); c == 0 {
				return nil, 0
			}
			letters++
		}
		out[k] = c
	}
	return out, letters
}

// gluedYear reports whether a run is a word of three letters or more, its
// last in lower case, run into a year, perhaps with look-alike letters:
// "Sciences1989", "Pathology20O0".
func gluedYear(run string) bool {
	n := len(run)
	if n < 7 || run[n-5] < 'a' || run[n-5] > 'z' || !isDigitByte(run[n-4]) && LookAlikeDigit(run[n-4]) == 0 {
		return false
	}
	for k := 0; k < n-4; k++ {
		if isDigitByte(run[k]) {
			return false
		}
	}
	year, digits := 0, 0
	for k := n - 4; k < n; k++ {
		c := run[k]
		if isDigitByte(c) {
			digits++
		} else if c = LookAlikeDigit(c); c == 0 {
			return false
		}
		year = 10*year + int(c-'0')
	}
	return digits >= 2 && year >= 1500 && year <= 2099
}

// lookAlikeNumber reports whether a run is a number with look-alike
// letters that clean text would not write.
func lookAlikeNumber(run string) bool {
	n := len(run)
	if n < 2 || run[0] == 'S' || run[0] == 'B' {
		return false
	}
	letters := 0
	for i := 0; i < n; i++ {
		if !isDigitByte(run[i]) {
			if LookAlikeDigit(run[i]) == 0 {
				return false
			}
			letters++
		}
	}
	if letters == 0 || 2*letters > n {
		return false // no digits fewer than letters
	}
	if last := run[n-1]; last == 'S' || last == 'B' {
		return n == 4 && (run[0] == '1' || run[0] == '2')
	}
	return true
}

// inLink reports whether s[i:j] is part of a word with a "/", a link or a
// path ("…/S4D4C_REPORTS_Sept2020.pdf").
func inLink(s string, i, j int) bool {
	start := strings.LastIndexByte(s[:i], ' ') + 1
	end := strings.IndexByte(s[j:], ' ')
	if end < 0 {
		end = len(s)
	} else {
		end += j
	}
	return strings.IndexByte(s[start:end], '/') >= 0
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
