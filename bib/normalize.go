package bib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces text to a comparison form: compatibility-decomposed (so the
// ligature "ﬁ" becomes "fi" and full-width "Ａ" becomes "A"), diacritics
// dropped, lower case, every run of non-alphanumerics turned into one space.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	if !utf8.ValidString(s) {
		// norm leaves the rune after an invalid byte undecomposed: the
		// bytes become a separator first, so that Fold is idempotent.
		s = strings.ToValidUTF8(s, " ")
	}
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(FoldRune(unicode.ToLower(r)))
		default:
			space = true
		}
	}
	return b.String()
}

// HasHan reports whether s holds a Chinese character (Unicode script Han).
func HasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// FoldRune maps the lower-case letters NFKD leaves whole (ø, ł, đ, ı, æ, œ,
// ß) to their ASCII look-alikes, and returns any other rune unchanged.
func FoldRune(r rune) rune {
	switch r {
	case 'ø':
		return 'o'
	case 'ł':
		return 'l'
	case 'đ', 'ð':
		return 'd'
	case 'ı':
		return 'i'
	case 'æ':
		return 'a'
	case 'œ':
		return 'o'
	case 'ß':
		return 's'
	}
	return r
}

// NormalizeDOI returns the DOI in lower case without resolver prefix or
// trailing punctuation, or "" when s holds no DOI (DOIs start with "10.").
func NormalizeDOI(s string) string {
	s = strings.TrimSpace(s)
	lower := strings.ToLower(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:", "doi "} {
		if strings.HasPrefix(lower, p) {
			lower = strings.TrimSpace(lower[len(p):])
		}
	}
	lower = strings.TrimRight(lower, ".,;)]} ")
	if !strings.HasPrefix(lower, "10.") || !strings.Contains(lower, "/") {
		return ""
	}
	return lower
}

// FamilyKey is the comparison form of a name's family part: folded, with
// spaces and hyphens removed, so "De Morgan", "de-Morgan" and "DE MORGAN"
// all give "demorgan". A corporate author's key is its folded literal
// without spaces.
func FamilyKey(n Name) string {
	s := n.Family
	if s == "" {
		s = n.Literal
	}
	return strings.ReplaceAll(Fold(s), " ", "")
}

// Initials returns the upper-case initials of a given name: "Pierre-Bruno" →
// "PB", "P B" → "PB", "ZW" → "ZW", "Thomas P." → "TP".
func Initials(given string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(given, isInitialsSeparator) {
		rs := []rune(part)
		if len(rs) == 0 {
			continue
		}
		if allUpper(rs) && len(rs) <= 4 {
			// Already initials ("ZW"), written without separators.
			b.WriteString(string(rs))
			continue
		}
		b.WriteRune(unicode.ToUpper(rs[0]))
	}
	return b.String()
}

// FirstInitial is the first rune of Initials(given), and false when given
// has no initials; it makes none of the others (author keys need only
// this one, for every work). A part already written as initials begins
// with an upper-case letter, so the first initial is always the first
// letter upper-cased.
func FirstInitial(given string) (rune, bool) {
	start := strings.IndexFunc(given, func(r rune) bool { return !isInitialsSeparator(r) })
	if start < 0 {
		return 0, false
	}
	first, _ := utf8.DecodeRuneInString(given[start:])
	return unicode.ToUpper(first), true
}

// isInitialsSeparator reports whether r separates the parts of a given
// name (Initials).
func isInitialsSeparator(r rune) bool { return r == ' ' || r == '.' || r == '-' || r == '\u2010' }

func allUpper(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// stopWords are dropped from title keys.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "in": true, "on": true, "for": true,
	"to": true, "with": true, "by": true, "at": true, "from": true, "as": true, "its": true, "is": true,
	"are": true, "or": true, "via": true, "into": true,
}

// IsStopWord reports whether a folded word is left out of title keys.
func IsStopWord(w string) bool { return stopWords[w] }

// TitleWords returns the folded significant words of a title, stop words dropped.
func TitleWords(title string) []string {
	var words []string
	for _, w := range strings.Fields(Fold(title)) {
		if !stopWords[w] {
			words = append(words, w)
		}
	}
	return words
}

// HyphenInitials returns the initials of a given name the way GB/T 7714
// writes them: a hyphenated given name keeps its hyphen between the
// initials. "Pierre-Bruno" → "P-B", "J.-L." → "J-L", "Thomas P." → "TP",
// "P B" → "PB", "ZW" → "ZW". (Initials drops the hyphen: "PB".)
func HyphenInitials(given string) string {
	// A dot beside a hyphen only closes an initial: "J.-L." is "J-L".
	given = strings.NewReplacer(".-", "-", "-.", "-", ".\u2010", "-", "\u2010", "-", "\u2011", "-").Replace(given)
	var b strings.Builder
	for _, part := range strings.FieldsFunc(given, func(r rune) bool { return r == ' ' || r == '.' }) {
		for i, sub := range strings.FieldsFunc(part, isHyphen) {
			if i > 0 {
				b.WriteByte('-')
			}
			rs := []rune(sub)
			if allUpper(rs) && len(rs) <= 4 {
				b.WriteString(sub) // already initials: "ZW"
				continue
			}
			b.WriteRune(unicode.ToUpper(rs[0]))
		}
	}
	return b.String()
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }
