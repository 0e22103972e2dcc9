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
// work of each reference's record to the work the reference resolved to,
// duplicates left out (they are counted once, as their twins).
func NewCorpus(c *resolve.Corpus) *Corpus {
	edges := make([]Edge, 0, len(c.Refs))
	for _, ref := range c.Refs {
		if ref.Match != resolve.MatchDuplicate {
			edges = append(edges, Edge{ref.Citing, ref.Work})
		}
	}
	return &Corpus{Corpus: *c, Citations: NewDirected(len(c.Works), edges)}
}
