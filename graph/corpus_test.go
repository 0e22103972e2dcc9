package graph

import (
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
)

// A record exported twice is one work, and its citation one edge.
func TestNewCorpusCitesOnce(t *testing.T) {
	a := &bib.Record{ID: "X", References: []bib.Reference{{Raw: "r", ID: "Y"}}}
	b := &bib.Record{ID: "X", References: []bib.Reference{{Raw: "r", ID: "Y"}}}
	c := NewCorpus(resolve.Resolve([]*bib.Record{a, b}))
	g := c.Citations
	if len(c.Works) != 2 || len(c.Refs) != 2 || g.Order() != 2 || g.Size() != 1 || !g.HasEdgeFromTo(0, 1) {
		t.Errorf("works %d refs %d, graph of %d nodes and %d edges, want 2 2 2 1 (X → Y)", len(c.Works), len(c.Refs), g.Order(), g.Size())
	}
}
