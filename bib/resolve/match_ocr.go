package resolve

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/bib/refparse"
)

// Text taken from PDFs and scans reads digits as the letters they look
// like and letters as digits: "(l948)", "2O1O", "47O", "1S6-I65", and
// "De1pech", "5ciences". readLookAlikes reads them back before a text is
// split into words and numbers, so that a year, a volume or a page is the
// number it was printed as.

// digitOf is the digit a look-alike letter stands for, 0 for none: the
// parser's (refparse.LookAlikeDigit) and a lower case "o", which a word
// compared letter by letter may hold for a zero.
func digitOf(c byte) byte {
	if c == 'o' {
		return '0'
	}
	return refparse.LookAlikeDigit(c)
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

// sameLookAlike reports whether two locators of one length differ only
// where one has a look-alike letter of the other's digit: "s41" and
// "541", "1os" (105 read from a scan) and "105", "b" and "8", and, the
// letters of an article number or a supplement's page kept, "p7o0" and
// "p700", "l7654a" and "17654a", "al94" and "a194".
func sameLookAlike(a, b string) bool {
	if len(a) != len(b) || a == "" || !strings.ContainsAny(a+b, "0123456789") {
		return false
	}
	digit := func(c byte) byte {
		if d := digitOf(c); d != 0 {
			return d
		}
		return digitOf(byte(unicode.ToUpper(rune(c))))
	}
	for i := 0; i < len(a); i++ {
		if x, y := a[i], b[i]; x != y && digit(x) != y && digit(y) != x {
			return false
		}
	}
	return true
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// readLookAlikes rewrites each run of ASCII letters and digits that mixes
// the two: a run of digits and look-alike letters ("l948", "5B", "68S")
// becomes a number, except for a leading "S" or "B" ("S213", a supplement's
// page), and so does such a run after a first letter when its digits
// outnumber its letters twice ("e1O00267", an article number, but not
// "H2SO4"); a run of four letters or more with look-alike digits
// ("De1pech") becomes a word, except for an ordinal ("10th"); an ordinal's
// number ("3Bth") and a year run into a word ("PhysicsI9B6") become
// numbers, and a supplement's page ("Sl72") its digits. Other runs
// ("V48", "2nd", "H2O", "1990s") are kept. s is returned as it is when
// nothing changes.
func readLookAlikes(s string) string {
	var b []byte // nil until the first change
	rewrite := func(from, to int, repl func(byte) byte) {
		if b == nil {
			b = []byte(s)
		}
		for k := from; k < to; k++ {
			if c := repl(s[k]); c != 0 {
				b[k] = c
			}
		}
	}
	for i := 0; i < len(s); {
		if !isASCIIAlnum(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIAlnum(s[j]) {
			j++
		}
		run := s[i:j]
		switch {
		case digitLike(run) && run[0] != 'S' && run[0] != 'B':
			rewrite(i, j, digitOf)
		case len(run) >= 4 && !isDigit(run[0]) && digitLike(run[1:]) && (digitsOf(run) > 2*(len(run)-1-digitsOf(run)) || supplementPage(run)):
			rewrite(i+1, j, digitOf)
		case wordLike(run):
			rewrite(i, j, letterOf)
		case lookAlikeOrdinal(run):
			rewrite(i, j-2, digitOf)
		case gluedYear(run):
			rewrite(j-4, j, digitOf)
		}
		i = j
	}
	if b == nil {
		return s
	}
	return string(b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitsOf(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

// supplementPage reports whether a run of an "S" and four characters or
// fewer has one look-alike letter after its first: "Sl72", "S2l".
func supplementPage(run string) bool {
	return run[0] == 'S' && len(run) <= 5 && len(run)-1-digitsOf(run) == 1
}

// lookAlikeOrdinal reports whether a run is an ordinal whose number has
// look-alike letters and starts with a digit: "3Bth", "2lst".
func lookAlikeOrdinal(run string) bool {
	n := len(run)
	if n < 4 || !isDigit(run[0]) {
		return false
	}
	switch run[n-2:] {
	case "st", "nd", "rd", "th":
		return digitLike(run[:n-2])
	}
	return false
}

// gluedYear reports whether a run is a word of three letters or more, its
// last in lower case, run into a year with look-alike letters: "PhysicsI9B6"
// (the year 1986).
func gluedYear(run string) bool {
	n := len(run)
	if n < 7 || !digitLike(run[n-4:]) {
		return false
	}
	for k := 0; k < n-4; k++ {
		if isDigit(run[k]) {
			return false
		}
	}
	if c := run[n-5]; c < 'a' || c > 'z' {
		return false
	}
	var year [4]byte
	for k := range year {
		year[k] = run[n-4+k]
		if d := digitOf(year[k]); d != 0 {
			year[k] = d
		}
	}
	return yearOf(year[:]) != 0
}

// digitLike reports whether a run holds digits and look-alike letters,
// no more letters than digits.
func digitLike(run string) bool {
	letters, digits := 0, 0
	for i := 0; i < len(run); i++ {
		switch {
		case isDigit(run[i]):
			digits++
		case digitOf(run[i]) != 0:
			letters++
		default:
			return false
		}
	}
	return letters > 0 && digits >= letters
}

// wordLike reports whether a run holds four letters or more and digits
// that all look like letters, and is no ordinal.
func wordLike(run string) bool {
	letters, digits := 0, 0
	for i := 0; i < len(run); i++ {
		switch {
		case !isDigit(run[i]):
			letters++
		case letterOf(run[i]) != 0:
			digits++
		default:
			return false
		}
	}
	return digits > 0 && letters >= 4 && !isOrdinal(run)
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

// initial matches an initial of an author list ("M.", "K.-D."); a year in
// brackets often ends one.
var (
	initial       = regexp.MustCompile(`(?:^|[\s,;(])\p{Lu}\.(?:-\p{Lu}\.)?(?:[\s,;]|$)`)
	bracketedYear = regexp.MustCompile(`\((?:1[5-9]|20)\d\d[a-z]?\)`)
)

// titleProper is a parsed title without the authors a parser left at its
// start reading a noisy text ("Sha o, C., Zhang, M,, Zhang, X.. & ang, J.
// (2017)"): when it holds two initials or more, what follows the last
// initial or year in brackets; nothing when too little follows (the title
// is all authors).
func titleProper(t string) string {
	if strings.Count(t, ".") < 2 {
		return t // two initials need two full stops; most titles have none
	}
	at := initial.FindAllStringIndex(t, -1)
	if len(at) < 2 {
		return t
	}
	end := at[len(at)-1][1]
	if y := bracketedYear.FindAllStringIndex(t, -1); len(y) > 0 {
		end = max(end, y[len(y)-1][1])
	}
	rest := strings.TrimLeft(t[end:], " .,;:)")
	if len(rest) < 12 {
		return ""
	}
	return rest
}
