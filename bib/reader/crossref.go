package reader

import (
	"bytes"
	"io"

	"github.com/citegraph/citegraph/bib"
)

// Crossref REST API JSON: a work from /works/{doi}, with or without the
// {"status", "message-type", "message"} envelope, or a work list from
// /works (message.items). A work's "reference" array holds its cited
// references: a DOI, an "unstructured" string, structured keys ("author",
// "year", "journal-title", "volume", "first-page", "article-title"), or
// several of these. The work itself is decoded as CSL-JSON (csljson.go),
// with Crossref's type names mapped to CSL.

// crossrefMarkers are keys only Crossref's JSON has.
var crossrefMarkers = [][]byte{
	[]byte(`"message-type"`), []byte(`"reference-count"`), []byte(`"is-referenced-by-count"`),
	[]byte(`"references-count"`), []byte(`"content-domain"`), []byte(`"deposited"`),
}

func detectCrossref(head []byte) bool {
	if cslJSONHead(head) == "" {
		return false
	}
	for _, m := range crossrefMarkers {
		if bytes.Contains(head, m) {
			return true
		}
	}
	return false
}

func newCrossrefReader(r io.Reader, file string, parse bib.ReferenceParser) RecordReader {
	return &cslReader{js: newCSLStream(r, file), crossref: true, parse: parse}
}
