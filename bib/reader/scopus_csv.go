package reader

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
)

// Helpers shared by the CSV readers (Scopus, Lens): a streaming table over
// encoding/csv that takes any line end, drops a byte-order mark, finds
// columns by header name and reports errors with file and line. Also the
// small text helpers all the export readers share.

// csvEOLReader turns CRLF and bare CR line ends into LF: encoding/csv takes LF
// and CRLF only, and a file with bare CR line ends would read as one record.
type csvEOLReader struct {
	r   *bufio.Reader
	err error
}

func (e *csvEOLReader) Read(p []byte) (int, error) {
	for {
		if e.err != nil {
			return 0, e.err
		}
		if len(p) == 0 {
			return 0, nil
		}
		n, err := e.r.Read(p)
		e.err = err
		w := 0
		for i := 0; i < n; i++ {
			c := p[i]
			if c == '\r' {
				if i+1 < n {
					if p[i+1] == '\n' {
						continue
					}
				} else if nb, perr := e.r.Peek(1); perr == nil && nb[0] == '\n' {
					continue
				}
				c = '\n'
			}
			p[w] = c
			w++
		}
		if w > 0 {
			return w, nil
		}
	}
}

// csvTable reads a CSV file with a header line.
type csvTable struct {
	file   string
	r      *csv.Reader
	cols   map[string]int // lower-cased header name → column
	width  int            // the number of header cells
	header bool           // the header has been read
	err    error          // the error that ended the input
}

func newCSVTable(r io.Reader, file string) *csvTable {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\ufeff")) {
		br.Discard(3)
	}
	cr := csv.NewReader(&csvEOLReader{r: br})
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &csvTable{file: file, r: cr}
}

// next returns the next data row and the line it starts on. Errors are
// *ParseError (a malformed row, skipped; the caller may go on) or the
// read error that ended the input.
func (t *csvTable) next() ([]string, int, error) {
	if t.err != nil {
		return nil, 0, t.err
	}
	for {
		row, err := t.r.Read()
		if err != nil {
			var ce *csv.ParseError
			if errors.As(err, &ce) && (errors.Is(ce.Err, csv.ErrQuote) || errors.Is(ce.Err, csv.ErrBareQuote) || errors.Is(ce.Err, csv.ErrFieldCount)) {
				if !t.header {
					// Without a header no row can be read.
					t.err = io.EOF
				}
				return nil, 0, &bib.ParseError{File: t.file, Line: ce.Line, Err: fmt.Errorf("%w: %v", bib.ErrSyntax, ce.Err)}
			}
			if err == io.EOF {
				t.err = io.EOF
				return nil, 0, io.EOF
			}
			t.err = io.EOF
			line, _ := t.r.FieldPos(0)
			return nil, 0, &bib.ParseError{File: t.file, Line: line, Err: err}
		}
		line, _ := t.r.FieldPos(0)
		if !t.header {
			t.header = true
			t.width = len(row)
			t.cols = make(map[string]int, len(row))
			for i, h := range row {
				h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
				if _, dup := t.cols[h]; !dup {
					t.cols[h] = i
				}
			}
			continue
		}
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue // a blank line
		}
		return row, line, nil
	}
}

// col returns the first of the named columns the header has, or -1.
func (t *csvTable) col(names ...string) int {
	for _, n := range names {
		if i, ok := t.cols[strings.ToLower(n)]; ok {
			return i
		}
	}
	return -1
}

// csvField returns the value of column i in row, trimmed and valid UTF-8; ""
// for a missing column.
func csvField(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return exportText(row[i])
}

// exportText trims s and replaces invalid UTF-8.
func exportText(s string) string {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}

// headFirstLine returns the first line of head, without its line end.
func headFirstLine(head []byte) []byte {
	if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
		return head[:i]
	}
	return head
}

// exportList splits a sep-separated list, trimming items and dropping
// empty ones.
func exportList(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// exportFirst returns the first non-empty string.
func exportFirst(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// exportYear returns the first plausible year in s ("2020", "2020/05/01/",
// "2019 Apr 3"), or 0.
func exportYear(s string) int {
	if m := exportYearPattern.FindString(s); m != "" {
		return exportInt(m)
	}
	return 0
}

var exportYearPattern = regexp.MustCompile(`\b(?:1[5-9]\d\d|20\d\d)\b`)

// headSplitLines splits the head of an input into lines at any line end.
func headSplitLines(head []byte) [][]byte {
	return bytes.FieldsFunc(head, func(r rune) bool { return r == '\n' || r == '\r' })
}

// exportSpace folds runs of white space into single spaces.
func exportSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
