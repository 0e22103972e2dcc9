package reader

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/citegraph/citegraph/bib"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Web of Science tab-delimited: a header line of field tags ("PT", "AU",
// "TI", …, "CR", "NR", …, "UT") and one record a line, fields separated by
// tabs, no quoting. Multi-valued fields are joined with "; " (AU, AF, CR),
// C1 as "[Names] Address; [Names] Address". The UTF-8 export starts with a
// byte-order mark and ends lines with CRLF; the older "Windows" export is
// UTF-16LE, which is decoded too. Records become the same Record the plain
// text reader gives.

func detectWoSTab(head []byte) bool {
	if bytes.HasPrefix(head, []byte("\xff\xfeP\x00T\x00\t\x00")) || bytes.HasPrefix(head, []byte("\xff\xfeF\x00N\x00\t\x00")) {
		return true
	}
	l := headFirstLine(head)
	return (bytes.HasPrefix(l, []byte("PT\t")) || bytes.HasPrefix(l, []byte("FN\t"))) &&
		(bytes.Contains(l, []byte("\tUT")) || bytes.Contains(l, []byte("\tAU\t")) || bytes.Contains(l, []byte("\tTI\t")))
}

type wosTabReader struct {
	lr   *lineReader
	file string
	tags []string // the header: the tag of each column
	done bool
}

func newWoSTabReader(r io.Reader, file string) RecordReader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(2); err == nil && b[0] == 0xff && b[1] == 0xfe {
		// UTF-16LE; the decoder drops the byte-order mark.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		return &wosTabReader{lr: newLineReader(transform.NewReader(br, dec)), file: file}
	}
	return &wosTabReader{lr: newLineReader(br), file: file}
}

// wosTabMulti are the tags whose value is a "; "-separated list, one item
// per plain-text line.
var wosTabMulti = map[string]bool{"AU": true, "AF": true, "BA": true, "BF": true, "CA": true, "CR": true}

func (w *wosTabReader) Read() (*bib.Record, error) {
	for {
		line, ok := w.lr.next()
		if !ok {
			if err := w.lr.failure(); err != nil {
				return nil, &bib.ParseError{File: w.file, Line: w.lr.line, Err: err}
			}
			return nil, io.EOF
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		cells := strings.Split(line, "\t")
		if w.tags == nil {
			for _, c := range cells {
				w.tags = append(w.tags, strings.TrimSpace(strings.TrimPrefix(c, "\ufeff")))
			}
			if len(w.tags) < 2 || !isWoSTag(w.tags[0]) {
				w.tags = nil
				return nil, &bib.ParseError{File: w.file, Line: w.lr.line, Err: fmt.Errorf("%w: want a header line of field tags", bib.ErrSyntax)}
			}
			continue
		}
		f := &wosFields{start: w.lr.line, values: map[string][]string{}, lines: map[string][]int{}}
		for i, c := range cells {
			if i >= len(w.tags) {
				break
			}
			tag, c := w.tags[i], strings.TrimSpace(c)
			if c == "" || !isWoSTag(tag) {
				continue
			}
			var items []string
			switch {
			case wosTabMulti[tag]:
				items = exportList(c, "; ")
			case tag == "C1":
				items = wosSplitAddresses(c)
			default:
				items = []string{c}
			}
			for _, it := range items {
				f.add(tag, it, w.lr.line)
			}
		}
		if len(f.values) == 0 {
			return nil, &bib.ParseError{File: w.file, Line: w.lr.line, Err: fmt.Errorf("%w: empty record", bib.ErrSyntax)}
		}
		return f.record(w.file, false), nil
	}
}

// wosSplitAddresses splits a tab-delimited C1 field, "[Sun, Zhiwei; Russell,
// Thomas P.] Univ Massachusetts, …; [Russell, Thomas P.] Lawrence Berkeley
// Natl Lab, …", at the "; " outside the brackets.
func wosSplitAddresses(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case ';':
			if depth == 0 {
				if p := strings.TrimSpace(s[start:i]); p != "" {
					out = append(out, p)
				}
				start = i + 1
			}
		}
	}
	if p := strings.TrimSpace(s[start:]); p != "" {
		out = append(out, p)
	}
	return out
}
