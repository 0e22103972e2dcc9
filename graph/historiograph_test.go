package graph

import (
	"slices"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
)

// TestHistoriographHandComputed: records A (2001), B (2005) citing A, and C
// (2003) citing A and an outside work X. LCS: A 2, C 0, B 0; LCR: B 1, C 1.
func TestHistoriographHandComputed(t *testing.T) {
	a := &bib.Record{ID: "A", TimesCited: 40, Work: bib.Work{Year: 2001, Title: "first", DOI: "10.1/a"}}
	b := &bib.Record{ID: "B", TimesCited: 3, Work: bib.Work{Year: 2005, Title: "second"},
		References: []bib.Reference{{Raw: "a", Work: bib.Work{DOI: "10.1/a"}}}}
	c := &bib.Record{ID: "C", Work: bib.Work{Year: 2003, Title: "third"},
		References: []bib.Reference{{Raw: "a", Work: bib.Work{DOI: "10.1/a"}}, {Raw: "x", ID: "X"}}}
	corpus := NewCorpus(resolve.Resolve([]*bib.Record{b, a, c}))
	h := NewHistoriograph(corpus)
	var ids []string
	for _, w := range h.Works {
		ids = append(ids, corpus.Works[w].ID)
	}
	if !slices.Equal(ids, []string{"A", "C", "B"}) {
		t.Fatalf("order %v, want A C B (by year)", ids)
	}
	if !slices.Equal(h.LCS, []int{2, 0, 0}) || !slices.Equal(h.LCR, []int{0, 1, 1}) || !slices.Equal(h.GCS, []int{40, 0, 3}) {
		t.Errorf("LCS %v LCR %v GCS %v", h.LCS, h.LCR, h.GCS)
	}
	if h.Citations.Size() != 2 || !h.Citations.HasEdgeFromTo(2, 0) || !h.Citations.HasEdgeFromTo(1, 0) {
		t.Errorf("citations %v", h.Citations.Edges())
	}
	top := h.Top(corpus, 2, 0)
	if len(top.Works) != 2 || top.LCS[0] != 2 || top.Citations.Size() != 1 {
		t.Errorf("top 2: works %v LCS %v citations %v", top.Works, top.LCS, top.Citations.Edges())
	}
}

// TestHistoriographWoS: on the Web of Science sample, LCS is the number of
// records whose resolved references include the record, counted from Refs.
func TestHistoriographWoS(t *testing.T) {
	c := wosCorpus(t)
	h := NewHistoriograph(c)
	citers := map[int32]map[int32]bool{}
	for _, r := range c.Refs {
		if c.Works[r.Work].InCorpus && r.Work != r.Citing {
			if citers[r.Work] == nil {
				citers[r.Work] = map[int32]bool{}
			}
			citers[r.Work][r.Citing] = true
		}
	}
	links, maxLCS := 0, 0
	for i, w := range h.Works {
		if h.LCS[i] != len(citers[w]) {
			t.Fatalf("%s: LCS %d, counted %d", c.Works[w].ID, h.LCS[i], len(citers[w]))
		}
		links += h.LCS[i]
		maxLCS = max(maxLCS, h.LCS[i])
		if i > 0 && c.Works[h.Works[i-1]].Year > c.Works[w].Year && c.Works[w].Year != 0 {
			t.Fatal("not ordered by year")
		}
	}
	t.Logf("historiograph: %d records, %d internal citations, max LCS %d", len(h.Works), links, maxLCS)
	if links != h.Citations.Size() || links == 0 {
		t.Errorf("%d citations, LCS sum %d", h.Citations.Size(), links)
	}
}
