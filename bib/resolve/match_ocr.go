package resolve

import "strings"

// Text taken from PDFs and scans reads digits as the letters they look
// like and letters as digits: "(l948)", "2O1O", "47O", "1S6-I65", and
// "De1pech", "5ciences". readLookAlikes reads them back before a text is
// split into words and numbers, so that a year, a volume or a page is the
// number it was printed as.

// digitOf is the digit a look-alike letter stands for, 0 for none. Lower
// case "s" and "b" are left out: "1960s" is a decade, not 19605.
func digitOf(c byte) byte {
	switch c {
	case 'l', 'I':
		return '1'
	case 'O', 'o':
		return '0'
	case 'S':
		return '5'
	case 'B':
		return '8'
	}
	return 0
}

// letterOf is the letter a look-alike digit stands for, 0 for none.
func letterOf(c byte) byte {
	switch c {
	case '1':
		return 'l'
	case '0':
		return 'o'
	case '5':
		return 's'
	case '8':
		return 'b'
	}
	return 0
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// readLookAlikes rewrites each run of ASCII letters and digits that mixes
// the two: a run of digits and look-alike letters ("l948", "5B", "68S")
// becomes a number, except for a leading "S" or "B" ("S213", a supplement's
// page); a run of four letters or more with look-alike digits ("De1pech")
// becomes a word, except for an ordinal ("10th"). Other runs ("V48",
// "2nd", "H2O", "1990s") are kept. s is returned as it is when nothing
// changes.
func readLookAlikes(s string) string {
	var b []byte // nil until the first change
	for i := 0; i < len(s); {
		if !isASCIIAlnum(s[i]) {
			i++
			continue
		}
		j := i
		letters, digits, alikeLetters, alikeDigits := 0, 0, 0, 0
		for ; j < len(s) && isASCIIAlnum(s[j]); j++ {
			c := s[j]
			if c >= '0' && c <= '9' {
				digits++
				if letterOf(c) != 0 {
					alikeDigits++
				}
			} else {
				letters++
				if digitOf(c) != 0 {
					alikeLetters++
				}
			}
		}
		run := s[i:j]
		var repl func(byte) byte
		switch {
		case letters == 0 || digits == 0:
		case alikeLetters == letters && letters <= digits && run[0] != 'S' && run[0] != 'B':
			repl = digitOf
		case alikeDigits == digits && letters >= 4 && !isOrdinal(run):
			repl = letterOf
		}
		if repl != nil {
			if b == nil {
				b = []byte(s)
			}
			for k := i; k < j; k++ {
				if c := repl(s[k]); c != 0 {
					b[k] = c
				}
			}
		}
		i = j
	}
	if b == nil {
		return s
	}
	return string(b)
}

// isOrdinal reports whether a run is digits and an ordinal's ending:
// "10th", "21st".
func isOrdinal(run string) bool {
	i := 0
	for i < len(run) && run[i] >= '0' && run[i] <= '9' {
		i++
	}
	switch strings.ToLower(run[i:]) {
	case "st", "nd", "rd", "th":
		return i > 0
	}
	return false
}
