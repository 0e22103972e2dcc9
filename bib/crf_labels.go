package bib

import (
	"fmt"
	"unicode"
)

// The labels of the reference CRF: the fields of a reference, and other
// for the punctuation and keywords between them (the convention is
// crf_data.go's); the keywords before a volume, issue or page number.

// crfLabel is the field of a token.
type crfLabel uint8

const (
	crfOther crfLabel = iota
	crfAuthor
	crfEditor
	crfTitle
	crfContainer
	crfCollection
	crfDate
	crfVolume
	crfIssue
	crfPages
	crfPublisher
	crfLocation
	crfDOI
	crfURL
	crfGenre
	crfNote
	crfCitNum
	crfLabelCount
)

// crfNumLabels is the number of labels, as an untyped constant.
const crfNumLabels = int(crfLabelCount)

// crfLabelNames are the labels' names; the scored fields use the names of
// the issue (author, title, container-title, year, volume, issue, pages,
// publisher, DOI, URL).
var crfLabelNames = [crfLabelCount]string{
	"other", "author", "editor", "title", "container-title", "collection-title", "year", "volume", "issue",
	"pages", "publisher", "location", "DOI", "URL", "genre", "note", "citation-number",
}

func (l crfLabel) String() string {
	if l < crfLabelCount {
		return crfLabelNames[l]
	}
	return fmt.Sprintf("label(%d)", l)
}

// crfTokText returns the text of token i.
func crfTokText(text string, toks []crfTok, i int) string { return text[toks[i].start:toks[i].end] }

// crfIsMark reports whether a token is punctuation: no letter or digit.
func crfIsMark(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// crfIsLocatorKeyword reports whether a word (lower case, no dot) comes
// before a volume, issue or page number: the rule parser's keywords for
// them (tailKeywords) and some it does without, such as "t" and "s" (its
// tails would read them as initials), "n°" and "第".
func crfIsLocatorKeyword(w string) bool {
	switch tailKeywords[w] {
	case 'v', 'n', 'p':
		return true
	}
	return crfMoreLocatorKeywords[w] || crfMoreIssueKeywords[w]
}

// crfIsIssueKeyword reports whether a word (lower case) introduces an
// issue number inside an AnyStyle volume.
func crfIsIssueKeyword(w string) bool {
	return tailKeywords[w] == 'n' || crfMoreIssueKeywords[w]
}

var (
	crfMoreLocatorKeywords = map[string]bool{
		"volumes": true, "t": true, "tomo": true, "band": true, "s": true, "第": true, "vol.": true,
	}
	crfMoreIssueKeywords = map[string]bool{"n": true, "n°": true, "nº": true}
)
