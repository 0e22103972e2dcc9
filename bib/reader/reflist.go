package reader

import (
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// A reference list is the text of a paper's bibliography, one citing record
// per file:
//
//	# title: The citing paper's title      (optional header lines)
//	# authors: Zhao G; Ruffini P B
//	# year: 2025
//	# doi: 10.16418/j.issn.1000-3045.2025…
//	1. First reference, which may wrap
//	   over several lines.
//	2. Second reference.
//
// References are numbered "1.", "[1]", "1)" or "(1)" (the number may stand
// alone on its line, the text on the next), or unnumbered, one per line (a
// line indented more than the one that began a reference continues it).

// refNumber matches a reference number at the start of a line, and the
// text after it, which may be empty.
var refNumber = regexp.MustCompile(`^\s*(\[\d{1,6}\]|\(\d{1,6}\)|\d{1,6}[.)])\s*(.*)$`)

// maxNumberGap is how far ahead of the last number a numbered line may be
// and still begin the next reference (a list with references left out);
// further ahead it is a wrapped line that begins with a number (a year).
const maxNumberGap = 20

// headerLine matches "# key: value".
var headerLine = regexp.MustCompile(`^#\s*([A-Za-z]+)\s*:\s*(.*)$`)

type refListReader struct {
	r       io.Reader
	file    string
	perLine bool // every line is one reference, whatever it starts with
	parse   bib.ReferenceParser
	done    bool
}

func newRefListReader(r io.Reader, file string, parse bib.ReferenceParser) RecordReader {
	return &refListReader{r: r, file: file, parse: parse}
}

func newLinesReader(r io.Reader, file string, parse bib.ReferenceParser) RecordReader {
	return &refListReader{r: r, file: file, perLine: true, parse: parse}
}

// Read returns the file's one record.
func (rl *refListReader) Read() (*bib.Record, error) {
	if rl.done {
		return nil, io.EOF
	}
	rl.done = true
	lr := newLineReader(rl.r)
	rec := &bib.Record{File: rl.file, Line: 1, Label: fileStem(rl.file)}
	var (
		split   refSplit
		style   string // the numbering of a numbered list ("[]", "()", "." or ")")
		last    int    // the number of the last numbered reference
		started bool
	)
	for {
		line, ok := lr.next()
		if !ok {
			break
		}
		trimmed := strings.TrimSpace(line)
		if !started && !rl.perLine {
			if trimmed == "" {
				continue
			}
			if m := headerLine.FindStringSubmatch(trimmed); m != nil {
				if err := setHeader(rec, strings.ToLower(m[1]), strings.TrimSpace(m[2])); err != nil {
					return nil, &bib.ParseError{File: rl.file, Line: lr.line, Err: err}
				}
				continue
			}
			if strings.HasPrefix(trimmed, "#") {
				continue
			}
			started = true
			if n, st, text, ok := numberMark(trimmed); ok {
				style, last = st, n
				split.begin(text, lr.line, 0)
				continue
			}
		}
		switch {
		case trimmed == "":
			continue
		case rl.perLine:
			split.begin(trimmed, lr.line, 0)
		case style != "":
			// Any line numbered as the list is, with the next number or one
			// a little further (references left out), or 1 (a new list),
			// begins a reference: two numbered references never merge.
			if n, st, text, ok := numberMark(trimmed); ok && st == style && (n == 1 || last < n && n <= last+maxNumberGap) {
				last = n
				split.begin(text, lr.line, 0)
			} else {
				split.extend(trimmed, lr.line)
			}
		case split.open && indentation(line) > split.indent:
			split.extend(trimmed, lr.line)
		default:
			split.begin(trimmed, lr.line, indentation(line))
		}
	}
	if err := lr.failure(); err != nil {
		return nil, &bib.ParseError{File: rl.file, Line: lr.line, Err: err}
	}
	refs := split.end()
	for i := range refs {
		refs[i].Work = rl.parse(refs[i].Raw)
	}
	rec.References = refs
	return rec, nil
}

// refSplit gathers the references of a list as its lines come, each
// reference's text growing in a builder, so that a reference wrapped over
// many lines costs its length, not its length squared.
type refSplit struct {
	refs   []bib.Reference
	text   strings.Builder // the text of the open reference
	line   int             // the line it began on
	indent int             // the indentation of that line
	open   bool
}

// begin closes the open reference and opens one with text.
func (s *refSplit) begin(text string, line, indent int) {
	s.close()
	s.open, s.line, s.indent = true, line, indent
	s.text.WriteString(text)
}

// extend adds a wrapped line to the open reference (or opens one).
func (s *refSplit) extend(text string, line int) {
	if !s.open {
		s.begin(text, line, 0)
		return
	}
	if sofar := s.text.String(); sofar != "" && !strings.HasSuffix(sofar, "-") && !strings.HasSuffix(sofar, "/") {
		s.text.WriteByte(' ')
	}
	s.text.WriteString(text)
}

// close ends the open reference; a number alone with no text after it is
// no reference.
func (s *refSplit) close() {
	if s.open && s.text.Len() > 0 {
		s.refs = append(s.refs, bib.Reference{Raw: s.text.String(), Line: s.line, Position: len(s.refs) + 1})
	}
	s.open = false
	s.text = strings.Builder{}
}

// end closes the open reference and returns them all.
func (s *refSplit) end() []bib.Reference {
	s.close()
	return s.refs
}

// indentation is the width of a line's leading white space, a tab counting
// as eight.
func indentation(line string) int {
	w := 0
	for _, r := range line {
		switch {
		case r == '\t':
			w += 8
		case unicode.IsSpace(r):
			w++
		default:
			return w
		}
	}
	return w
}

// numberOf splits a numbered reference line into its number and text.
func numberOf(line string) (int, string, bool) {
	n, _, text, ok := numberMark(line)
	return n, text, ok && text != ""
}

// numberMark splits a line that begins with a reference number into the
// number, its style ("[]", "()", "." or ")") and the text after it, which
// is empty when the number stands alone on its line.
func numberMark(line string) (n int, style, text string, ok bool) {
	m := refNumber.FindStringSubmatch(line)
	if m == nil {
		return 0, "", "", false
	}
	mark := m[1]
	switch mark[0] {
	case '[':
		style, mark = "[]", mark[1:len(mark)-1]
	case '(':
		style, mark = "()", mark[1:len(mark)-1]
	default:
		style, mark = mark[len(mark)-1:], mark[:len(mark)-1]
	}
	n, _ = strconv.Atoi(mark)
	return n, style, m[2], true
}

// setHeader applies one "# key: value" header line to the citing record.
func setHeader(rec *bib.Record, key, value string) error {
	switch key {
	case "title":
		rec.Title = value
	case "authors", "author":
		for _, a := range strings.Split(value, ";") {
			if a = strings.TrimSpace(a); a != "" {
				rec.Authors = append(rec.Authors, refparse.ParseName(a))
			}
		}
	case "year":
		y, err := strconv.Atoi(value)
		if err != nil {
			return fmt.Errorf("%w: header year %q is not a number", bib.ErrSyntax, value)
		}
		rec.Year = y
	case "doi":
		rec.DOI = bib.NormalizeDOI(value)
	case "id":
		rec.ID = value
	case "source", "journal", "container":
		rec.Container = value
	}
	return nil
}

func fileStem(file string) string {
	base := filepath.Base(file)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
