package resolve

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib/refparse"
)

// trailingPage is the first page a reference's text ends with, for a text
// whose parser found neither a volume nor a page: a range run into the
// words before it by a lost space ("… Victorian London1–10."), or a number
// after a closing bracket, where styles that print the year in brackets
// put the page ("… Library (n,d.) 311.", a misread "n.d." the parser did
// not take for one). A year is no page, nor are a meeting's days after
// their month ("San Diego, CA, Aug. 9-11"). "" when the text ends
// otherwise.
func trailingPage(text string) string {
	t := strings.TrimRight(text, " .,;")
	end := len(t)
	i := end
	for i > 0 && isDigit(t[i-1]) {
		i--
	}
	if i == end || yearOf([]byte(t[i:end])) != 0 {
		return ""
	}
	before := t[:i]
	if isRangeDash(before, true) {
		k := strings.LastIndexAny(before, "-–")
		j := k
		for j > 0 && isDigit(before[j-1]) {
			j--
		}
		last := t[i:end]
		if first := before[j:k]; yearOf([]byte(first)) == 0 && (len(first) < len(last) || len(first) == len(last) && first <= last) && !afterMonth(before[:j]) {
			return normLocator(first)
		}
		return ""
	}
	if b := strings.TrimRight(before, " "); strings.HasSuffix(b, ")") && datedBracket(b[:len(b)-1]) {
		return normLocator(t[i:end])
	}
	return ""
}

// datedBracket reports whether the text s, before a closing bracket, ends
// in a bracket that holds a year or no digit at all ("(2010", "(n,d."),
// not an issue ("11(5").
func datedBracket(s string) bool {
	open := strings.LastIndexByte(s, '(')
	if open < 0 {
		return false
	}
	in := s[open+1:]
	digits := 0
	for i := 0; i < len(in); i++ {
		if isDigit(in[i]) {
			digits++
		}
	}
	if digits == 0 {
		return true
	}
	y := strings.TrimFunc(in, func(r rune) bool { return r < '0' || r > '9' })
	return yearOf([]byte(y)) != 0
}

// afterMonth reports whether the text s ends with a month's name and its
// stop, if any ("Aug. ", "December ").
func afterMonth(s string) bool {
	s = strings.TrimRight(s, " .")
	if i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		s = s[i+n:]
	}
	return refparse.IsMonth(s)
}
