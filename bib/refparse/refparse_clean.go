package refparse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxRefLen bounds the bytes of a reference that are parsed. Real
// references are a few hundred bytes; a longer "reference" is a run-on
// paragraph or binary junk, and only its start is read.
const maxRefLen = 4096

var (
	// A reference number left at the start: "[12]", "(3)", "12.", "12)".
	refLabel = regexp.MustCompile(`^(?:\[\d{1,4}\]|\(\d{1,3}\)|\d{1,3}[.)](?:\s|$))\s*`)
	// Inline markup found in Crossref "unstructured" strings.
	refMarkup = regexp.MustCompile(`</?(?:i|b|em|strong|sup|sub|u|sc|scp|span|p|br|a|font|small|jats:[a-z-]+|mml:[a-z]+)\b[^<>]{0,200}>`)
	// HTML entities.
	refEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&apos;", "'", "&nbsp;", " ", "&#x2013;", "–", "&#8211;", "–", "&NA;", "")
)

// cleanReference prepares a reference for parsing: valid UTF-8, one line,
// single spaces, no markup, no leading number.
func cleanReference(s string) string {
	if len(s) > maxRefLen {
		i := maxRefLen
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i]
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = collapseSpace(s)
	if strings.IndexByte(s, '<') >= 0 && strings.IndexByte(s, '>') >= 0 {
		s = collapseSpace(refMarkup.ReplaceAllString(s, ""))
	}
	if strings.IndexByte(s, '&') >= 0 && strings.IndexByte(s, ';') >= 0 {
		s = collapseSpace(refEntities.Replace(s))
		s = strings.TrimLeft(s, ", ") // "&NA;, &NA;. Title" lost its authors
	}
	// Scopus breaks SICI DOIs before their check part: "…>3.0. CO;2-5".
	s = strings.ReplaceAll(s, ". CO;2-", ".CO;2-")
	if i := strings.Index(s, ". , "); i >= 0 {
		s = scopusTail(s, i)
	}
	if s != "" && (s[0] == '[' || s[0] == '(' || s[0] >= '0' && s[0] <= '9') {
		if loc := refLabel.FindStringIndex(s); loc != nil && !isYearLabel(s, loc[1]) {
			s = s[loc[1]:]
		}
	}
	return s
}

var (
	issnToken    = regexp.MustCompile(`^\d{4}-\d{3}[\dXx]$`)
	codenToken   = regexp.MustCompile(`^[A-Z]{5,6}$`)
	articleToken = regexp.MustCompile(`^[A-Z]{0,3}\d[\dA-Z]{3,}$`)
	hasPages     = regexp.MustCompile(`\bpp?\. ?[A-Za-z]{0,3}\d`)
	// yearInBrackets is the year as Scopus writes it, "(2020)" or
	// "(2020a)" (the Scopus reader's scopusYear).
	yearInBrackets = regexp.MustCompile(`\((?:1[5-9]\d\d|20\d\d)[a-z]?\)`)
)

// scopusTail reads what Scopus appends to a reference after ". , " (at
// i): a DOI, a CODEN and an ISSN ("JAPIAU 0021-8979"), an article number
// ("RS2013", "07D526"), a URL, the editors ("ed Maurer W. and …"). The
// ISSN and CODEN are dropped, lest they be read as pages; an article
// number becomes the pages when the reference has none; DOIs and URLs are
// kept; what else the tail holds (Scopus's "DOI" and "PII" labels, EIDs,
// CAS numbers) goes. A ". , " before the year in brackets ("Smith, J. ,
// Jones, K. (2020) …", a stray space in a pasted list) is no Scopus tail.
func scopusTail(s string, i int) string {
	main, tail := s[:i], s[i+len(". , "):]
	if !yearInBrackets.MatchString(main) {
		return s
	}
	var article string
	var links []string
	for _, tok := range strings.FieldsFunc(tail, func(r rune) bool { return r == ' ' || r == ',' }) {
		switch {
		case strings.HasPrefix(tok, "http") || strings.HasPrefix(tok, "www.") || strings.HasPrefix(tok, "10."):
			links = append(links, tok)
		case issnToken.MatchString(tok) || codenToken.MatchString(tok):
		case article == "" && articleToken.MatchString(tok):
			article = tok
		}
	}
	if article != "" && !hasPages.MatchString(main) {
		main += ", " + article
	}
	return strings.Join(append([]string{main + "."}, links...), " ")
}

// isYearLabel reports whether the "label" ending at i is really a year in
// brackets, "(2020)", which starts some references without authors.
func isYearLabel(s string, i int) bool {
	l := strings.TrimSpace(s[:i])
	return len(l) == 6 && IsYear(l[1:5])
}

// collapseSpace turns every run of white space, control and invisible
// characters into one space and trims the ends.
func collapseSpace(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			clean = false
			break
		}
		if c == ' ' {
			if prevSpace {
				clean = false
				break
			}
			prevSpace = true
			continue
		}
		if c < ' ' || c == 0x7f {
			clean = false
			break
		}
		prevSpace = false
	}
	if clean && !prevSpace {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u00ad' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff':
			continue // soft hyphen, zero-width characters
		case unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError:
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// NormalizeFullWidth rewrites the full-width punctuation of Chinese
// references as ASCII, with the space that follows it in English
// ("，" → ", ", "（3）" → "(3)"), and full-width letters and digits as
// ASCII.
func NormalizeFullWidth(s string) string {
	need := false
	for _, r := range s {
		if r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xff65 {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch r {
		case '，', '、':
			b.WriteString(", ")
		case '：':
			b.WriteString(": ")
		case '；':
			b.WriteString("; ")
		case '。', '．':
			b.WriteString(". ")
		case '（':
			b.WriteByte('(')
		case '）':
			b.WriteByte(')')
		case '［', '【', '〔':
			b.WriteByte('[')
		case '］', '】', '〕':
			b.WriteByte(']')
		case '\u3000':
			b.WriteByte(' ')
		default:
			if r >= 0xff01 && r <= 0xff5e {
				r -= 0xff01 - '!' // full-width ASCII
			}
			b.WriteRune(r)
		}
	}
	return collapseSpace(strings.ReplaceAll(b.String(), " )", ")"))
}
