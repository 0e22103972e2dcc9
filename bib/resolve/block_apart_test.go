package resolve

import (
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// TestTurnedDownAsCompare checks on a real export that every pair of
// descriptions turnedDown keeps from being made is one compare turns down
// (or two records, never compared): turnedDown mirrors compare's first rules
// on ids and DOIs, and must not drift from them.
func TestTurnedDownAsCompare(t *testing.T) {
	records := readRecords(t, "scopus-bibx.ris")
	r := &resolver{c: &Corpus{Records: len(records)}, byID: map[string]int32{}, byKey: map[string]int32{}}
	var refs []*bib.Reference
	for _, rec := range records {
		citing := r.addRecord(rec)
		for k := range rec.References {
			r.c.Refs = append(r.c.Refs, Ref{Citing: citing})
			refs = append(refs, &rec.References[k])
		}
	}
	m := r.newMatcher(refs)
	apart := m.turnedDown()
	n := min(len(m.nodes), 2500)
	turned := 0
	for i := range n {
		for j := i + 1; j < n; j++ {
			if !apart(int32(i), int32(j)) || i < m.records && j < m.records {
				continue
			}
			turned++
			if v := m.compare(&m.nodes[i].p, &m.nodes[j].p); v.rule != "" {
				t.Fatalf("nodes %d and %d turned down, compare joins them (%s): %q, %q", i, j, v.rule, m.nodes[i].p.text, m.nodes[j].p.text)
			}
		}
	}
	if turned < 1000 {
		t.Errorf("only %d pairs turned down: the export should give many with two DOIs", turned)
	}
	t.Logf("%d pairs turned down, none joined by compare", turned)
}
