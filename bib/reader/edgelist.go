package reader

import (
	"fmt"
	"io"
	"strings"

	"github.com/citegraph/citegraph/bib"
)

// An edge list names a citation per line, "citing cited", ids separated by
// white space; "#" at the start of a line, or after the two ids, starts a
// comment, and ids may hold "#" ("a#1 b#2"). Consecutive lines with one
// citing id make one record; the ids are the work ids of every output.

func detectEdgeList(head []byte) bool {
	lines := strings.Split(string(head), "\n")
	if len(lines) > 1 && len(head) == headSize {
		lines = lines[:len(lines)-1] // the last line may be cut
	}
	pairs := 0
	for _, l := range lines {
		switch len(edgeFields(l)) {
		case 0:
		case 2:
			pairs++
		default:
			return false
		}
	}
	return pairs > 0
}

// edgeFields returns the fields of an edge-list line, comments left out.
func edgeFields(line string) []string {
	f := strings.Fields(line)
	for i, field := range f {
		if field[0] == '#' && i != 1 {
			return f[:i]
		}
	}
	return f
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
		f := edgeFields(line)
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
