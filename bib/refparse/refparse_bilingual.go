package refparse

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Chinese journals print a Chinese reference followed by its English
// translation, which ends in "(in Chinese)":
//
//	赵刚. 科技外交的理论与实践. 北京: 时事出版社, 2007: 32. Zhao G. Theory and
//	Practice of Science Diplomacy. Beijing: Current Affairs Press, 2007: 32. (in Chinese)
//
// Both halves describe one work. The fields are read from the English half
// and the original half is kept whole in Work.Original. The halves are
// separated by a space, ";" or a line break (which the reference-list
// reader has turned into a space).

// translationMark matches the "(in Chinese)" that ends a translation.
var translationMark = regexp.MustCompile(`\s*[(（\[]\s*[Ii]n\s+(?:Chinese|Japanese|Korean|Russian|Ukrainian|Arabic|Persian|Hebrew|Thai|Mongolian|Kazakh|Bulgarian|Serbian|[A-Z][a-z]{3,12})\s*[)）\]]\s*[.。]?\s*$`)

// splitTranslation splits "original translation (in Chinese)" into its
// original and translated halves. ok is false when s is not such a pair.
// A translation without its original (no Chinese letters before it) is
// returned as the translation alone, with the mark removed.
func splitTranslation(s string) (original, translation string, ok bool) {
	// The mark ends the text: look at the end only.
	from := tailStart(s, 40)
	end := s[from:]
	if !strings.Contains(end, "n ") || !strings.ContainsAny(end, ")）]") {
		return "", "", false
	}
	loc := translationMark.FindStringIndex(end)
	if loc == nil {
		return "", "", false
	}
	loc[0] += from
	body := s[:loc[0]]
	// The original ends after its last foreign letter, at the first
	// sentence end that is followed by the translation (not by the
	// original's DOI or URL).
	last := -1
	for i, r := range body {
		if isForeignScript(r) {
			last = i
		}
	}
	if last < 0 {
		return "", strings.TrimSpace(body), true
	}
	_, size := utf8.DecodeRuneInString(body[last:])
	cut := -1
	tail := body[last+size:]
	for i, r := range tail {
		switch r {
		case '.', ';', '。', '；', '．':
		default:
			continue
		}
		n := utf8.RuneLen(r)
		next := strings.TrimLeft(tail[i+n:], " ")
		if next == "" {
			break
		}
		if n == 1 && tail[i+1] != ' ' {
			continue // "2.5", "10.1000/x", "U.S."
		}
		if startsWithIdentifier(next) {
			continue
		}
		cut = last + size + i + n
		break
	}
	if cut < 0 {
		// No sentence end after the last Chinese letter: the original ends
		// with it.
		cut = last + size
	}
	original = strings.TrimSpace(body[:cut])
	translation = strings.TrimSpace(body[cut:])
	if translation == "" {
		return "", original, true
	}
	return original, translation, true
}

// startsWithIdentifier reports whether s starts with a DOI, URL or
// similar part of the original half.
func startsWithIdentifier(s string) bool {
	if len(s) > 12 {
		s = s[:12]
	}
	l := strings.ToLower(s)
	for _, p := range []string{"doi", "http", "www.", "url", "10.", "issn", "isbn", "pmid", "[", "(", "cnki"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}
