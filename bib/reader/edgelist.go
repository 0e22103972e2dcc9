package reader

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/citegraph/citegraph/bib"
)

// An edge list names a citation per line, "citing cited", ids separated by
// white space; "#" starts a comment. Consecutive lines with one citing id
// make one record; the ids are the work ids of every output.

func detectEdgeList(head []byte) bool {
	lines := bytes.Split(head, []byte("\n"))
	if len(lines) > 1 && len(head) == headSize {
		lines = lines[:len(lines)-1] // the last line may be cut
	}
	pairs := 0
	for _, l := range lines {
		l = bytes.TrimSpace(l)
		if len(l) == 0 || l[0] == '#' {
			continue
		}
		if len(bytes.Fields(l)) != 2 {
			return false
		}
		pairs++
	}
	return pairs > 0
}

type edgeListReader struct {
	lr      *lineReader
	file    string
	pending *bib.Record
}

func newEdgeListReader(r io.Reader, file string) RecordReader {
	return &edgeListReader{lr: newLineReader(r), file: file}
}

// Read returns the next run of lines that share a citing id.
func (e *edgeListReader) Read() (*bib.Record, error) {
	for {
		line, ok := e.lr.next()
		if !ok {
			if err := e.lr.failure(); err != nil {
				return nil, &bib.ParseError{File: e.file, Line: e.lr.line, Err: err}
			}
			if rec := e.pending; rec != nil {
				e.pending = nil
				return rec, nil
			}
			return nil, io.EOF
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 2 {
			return nil, &bib.ParseError{File: e.file, Line: e.lr.line, Err: fmt.Errorf("%w: want \"citing cited\", got %d fields", bib.ErrSyntax, len(f))}
		}
		ref := bib.Reference{Raw: f[1], ID: f[1], Line: e.lr.line}
		if rec := e.pending; rec != nil && rec.ID == f[0] {
			ref.Position = len(rec.References) + 1
			rec.References = append(rec.References, ref)
			continue
		}
		done := e.pending
		ref.Position = 1
		e.pending = &bib.Record{ID: f[0], File: e.file, Line: e.lr.line, References: []bib.Reference{ref}}
		if done != nil {
			return done, nil
		}
	}
}
