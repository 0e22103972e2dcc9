package bib

import (
	"strings"
	"unicode/utf8"
)

// Name is one author: a person (Family and Given) or a corporate author
// (Literal, kept whole).
type Name struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// String renders the name as "Family G" or the literal.
func (n Name) String() string {
	if n.Literal != "" {
		return n.Literal
	}
	if n.Given == "" {
		return n.Family
	}
	return n.Family + " " + n.Given
}

// IsZero reports whether the name is empty.
func (n Name) IsZero() bool { return n.Family == "" && n.Given == "" && n.Literal == "" }

// Work is the description of one bibliographic work, in CSL terms.
// Empty strings and a zero Year mean "unknown".
type Work struct {
	Type           string // CSL type: article-journal, book, chapter, webpage, report, thesis, paper-conference, …
	Authors        []Name
	Year           int
	Title          string
	Container      string // journal, book, proceedings or site
	ContainerShort string // its abbreviation, such as the Web of Science J9 "HAGUE J DIPLOM"
	Volume         string
	Issue          string
	Pages          string // "371-382", "425", or an article number
	Publisher      string
	Place          string
	DOI            string // normalised: lower case, no resolver prefix
	URL            string
	Original       string // the original-language form of a translated reference
}

// FirstAuthor returns the first author, or the zero Name.
func (w *Work) FirstAuthor() Name {
	if len(w.Authors) == 0 {
		return Name{}
	}
	return w.Authors[0]
}

// FirstPage returns the first page of Pages ("371" of "371-382"). An
// article number with the article's own pages run in, as Scopus writes
// them (article 052511, pages 1–3: "0525111-0525113"), gives the article
// number, which is what other sources cite.
func (w *Work) FirstPage() string {
	p := w.Pages
	i := strings.IndexAny(p, "-–—")
	if i < 0 {
		return strings.TrimSpace(p)
	}
	first := strings.TrimSpace(p[:i])
	_, n := utf8.DecodeRuneInString(p[i:])
	last := strings.TrimSpace(p[i+n:])
	if len(first) >= 7 && len(last) == len(first) && first[len(first)-1] == '1' &&
		first[:len(first)-1] == last[:len(last)-1] && strings.Trim(first+last, "0123456789") == "" {
		return first[:len(first)-1]
	}
	return first
}

// Reference is one entry of a record's reference list: the text as written
// and the description parsed from it.
type Reference struct {
	Raw      string // the reference as written in the input
	Position int    // 1-based position in the record's reference list
	Line     int    // line of the input file where the reference starts
	ID       string // an explicit work id given by the input (edge lists, OpenAlex ids), if any
	Work
}

// Record is a citing work read from input: its own description and its
// reference list. Records are the corpus.
type Record struct {
	ID    string // the id the input gives the record (WoS UT, edge-list id), if any
	File  string // input file the record was read from
	Line  int    // line where the record starts
	Label string // what to call the record when it has no author and year (a reflist's file name)
	Work
	Abstract     string
	Keywords     []string
	Affiliations []string // one address a line, as the input gives them (WoS C1)
	TimesCited   int      // the database's global citation count (WoS TC, Scopus "Cited by"); 0 when unknown
	References   []Reference

	// IndexKeywords are the keywords the database assigns: Keywords Plus
	// (WoS ID), index keywords (Scopus). Keywords are the authors' own.
	IndexKeywords []string

	// Repairs say what was not read as written (a year that is not a
	// year, a missing CR tag), to list.
	Repairs []Repair
}

// A Repair is a fault of the input that a reader mended rather than skip
// the record: what was done, and where (Line 0: the record's own line).
type Repair struct {
	Line   int
	Reason string
}

// A ReferenceParser reads the fields of a free-text reference:
// ParseReference (hand-written rules, the default) or the learned parser
// of CRFReferenceParser.
type ReferenceParser func(raw string) Work
