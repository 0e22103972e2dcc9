package main

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/reader"
)

// TestExportReads: the export is reproducible, and citegraph's Web of
// Science reader reads every record and every reference of it, with
// nothing skipped.
func TestExportReads(t *testing.T) {
	p := params{records: 60, refsMin: 5, refsMax: 20, reviews: 0.1, reviewMin: 50, reviewMax: 80, pNew: 0.3, pSelf: 0.1, pVariant: 0.1, topics: 3, topicShare: 0.8, seed: 4}
	gen := func() ([]byte, int) {
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		_, refs := write(w, p)
		w.Flush()
		return b.Bytes(), refs
	}
	out, refs := gen()
	if again, _ := gen(); !bytes.Equal(out, again) {
		t.Fatal("two runs with one seed differ")
	}
	rr, format, err := reader.NewReader("", bytes.NewReader(out), "savedrecs.txt")
	if err != nil || format != "wos" {
		t.Fatalf("detected %q, %v", format, err)
	}
	var skipped []string
	recs, err := reader.ReadAll(rr, func(e *bib.ParseError) { skipped = append(skipped, e.Error()) })
	if err != nil || len(skipped) > 0 {
		t.Fatalf("%v; skipped %v", err, skipped)
	}
	read := 0
	for _, r := range recs {
		read += len(r.References)
	}
	if len(recs) != p.records || read != refs {
		t.Errorf("read %d records and %d references, wrote %d and %d", len(recs), read, p.records, refs)
	}
}
