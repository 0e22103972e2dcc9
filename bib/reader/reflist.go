package reader

import (
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

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
// References are numbered "1.", "[1]", "1)" or "(1)", or unnumbered, one per
// line (a line that starts with white space continues the one before).

// refNumber matches a reference number at the start of a line.
var refNumber = regexp.MustCompile(`^\s*(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)])\s*(.*)$`)

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
		refs     []bib.Reference
		numbered = false
		started  = false
		lastNum  = 0
	)
	add := func(text string, line int) {
		refs = append(refs, bib.Reference{Raw: text, Line: line, Position: len(refs) + 1})
	}
	extend := func(text string) {
		r := &refs[len(refs)-1]
		r.Raw = joinWrapped(r.Raw, text)
	}
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
			if n, text, ok := numberOf(trimmed); ok {
				numbered, lastNum = true, n
				add(text, lr.line)
				continue
			}
		}
		switch {
		case trimmed == "":
			continue
		case rl.perLine:
			add(trimmed, lr.line)
		case numbered:
			if n, text, ok := numberOf(trimmed); ok && n == lastNum+1 {
				lastNum = n
				add(text, lr.line)
			} else if len(refs) > 0 {
				extend(trimmed)
			} else {
				add(trimmed, lr.line)
			}
		case len(refs) > 0 && line != trimmed && (line[0] == ' ' || line[0] == '\t'):
			extend(trimmed)
		default:
			add(trimmed, lr.line)
		}
	}
	if err := lr.failure(); err != nil {
		return nil, &bib.ParseError{File: rl.file, Line: lr.line, Err: err}
	}
	for i := range refs {
		refs[i].Work = rl.parse(refs[i].Raw)
	}
	rec.References = refs
	return rec, nil
}

// numberOf splits a numbered reference line into its number and text.
func numberOf(line string) (int, string, bool) {
	m := refNumber.FindStringSubmatch(line)
	if m == nil || m[4] == "" {
		return 0, "", false
	}
	n, _ := strconv.Atoi(m[1] + m[2] + m[3])
	return n, m[4], true
}

// joinWrapped joins a reference wrapped over two lines: with a space, or
// with none after a hyphen or slash at the end of the line (a split URL,
// DOI or hyphenated compound).
func joinWrapped(a, b string) string {
	if strings.HasSuffix(a, "-") || strings.HasSuffix(a, "/") {
		return a + b
	}
	return a + " " + b
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
