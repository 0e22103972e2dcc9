package graph

import "github.com/citegraph/citegraph/bib/resolve"

// Corpus is a resolved corpus with its citation graph: a node for every
// work (the indices of Works) and an edge citing → cited for each pair
// that references join, however many references join it (a record
// exported twice cites once).
type Corpus struct {
	resolve.Corpus
	Citations *Directed
}

// NewCorpus loads the citation graph of resolved works: an edge from the
// work of each reference's record to the work the reference resolved to.
func NewCorpus(c *resolve.Corpus) *Corpus {
	edges := make([]Edge, len(c.Refs))
	for i, ref := range c.Refs {
		edges[i] = Edge{ref.Citing, ref.Work}
	}
	return &Corpus{Corpus: *c, Citations: NewDirected(len(c.Works), edges)}
}
