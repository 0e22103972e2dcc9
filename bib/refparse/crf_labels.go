package refparse

import (
	"fmt"
	"unicode"
)

// The labels of the reference CRF: the fields of a reference, and other
// for the punctuation and keywords between them (the convention is
// train/crf_data.go's); the keywords before a volume, issue or page number.

// CRFLabel is the field of a token.
type CRFLabel uint8

const (
	CRFOther CRFLabel = iota
	CRFAuthor
	CRFEditor
	CRFTitle
	CRFContainer
	CRFCollection
	CRFDate
	CRFVolume
	CRFIssue
	CRFPages
	CRFPublisher
	CRFLocation
	CRFDOI
	CRFURL
	CRFGenre
	CRFNote
	CRFCitNum
	CRFLabelCount
)

// CRFNumLabels is the number of labels, as an untyped constant.
const CRFNumLabels = int(CRFLabelCount)

// crfLabelNames are the labels' names; the scored fields use the names of
// the issue (author, title, container-title, year, volume, issue, pages,
// publisher, DOI, URL).
var crfLabelNames = [CRFLabelCount]string{
	"other", "author", "editor", "title", "container-title", "collection-title", "year", "volume", "issue",
	"pages", "publisher", "location", "DOI", "URL", "genre", "note", "citation-number",
}

func (l CRFLabel) String() string {
	if l < CRFLabelCount {
		return crfLabelNames[l]
	}
	return fmt.Sprintf("label(%d)", l)
}

// CRFTokText returns the text of token i.
func CRFTokText(text string, toks []CRFTok, i int) string { return text[toks[i].Start:toks[i].End] }

// CRFIsMark reports whether a token is punctuation: no letter or digit.
func CRFIsMark(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// CRFIsLocatorKeyword reports whether a word (lower case, no dot) comes
// before a volume, issue or page number: the rule parser's keywords for
// them (tailKeywords) and some it does without, such as "t" and "s" (its
// tails would read them as initials), "n°" and "第".
func CRFIsLocatorKeyword(w string) bool {
	switch tailKeywords[w] {
	case 'v', 'n', 'p':
		return true
	}
	return crfMoreLocatorKeywords[w] || crfMoreIssueKeywords[w]
}

// CRFIsIssueKeyword reports whether a word (lower case) introduces an
// issue number inside an AnyStyle volume.
func CRFIsIssueKeyword(w string) bool {
	return tailKeywords[w] == 'n' || crfMoreIssueKeywords[w]
}

var (
	crfMoreLocatorKeywords = map[string]bool{
		"volumes": true, "t": true, "tomo": true, "band": true, "s": true, "第": true, "vol.": true,
	}
	crfMoreIssueKeywords = map[string]bool{"n": true, "n°": true, "nº": true}
)
