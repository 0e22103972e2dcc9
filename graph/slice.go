package graph

import "github.com/citegraph/citegraph/bib/resolve"

// Slice returns the corpus as it stands in the years from to to
// (inclusive), as CiteSpace slices time: only the records published then
// are records of the corpus, and only their citations are in the graph.
// Works, their ids and labels, and Refs are shared with c; records outside
// the years (or without a year) stay as works, cited or not.
func (c *Corpus) Slice(from, to int) *Corpus {
	works := make([]resolve.Work, len(c.Works))
	copy(works, c.Works)
	inSlice := make([]bool, len(works))
	for i := range works {
		w := &works[i]
		inSlice[i] = w.InCorpus && w.Year >= from && w.Year <= to
		w.InCorpus = inSlice[i]
	}
	g := c.Citations
	var edges []Edge
	for u := range works {
		if !inSlice[u] {
			continue
		}
		for _, v := range g.Out(u) {
			edges = append(edges, Edge{int32(u), v})
		}
	}
	rc := c.Corpus
	rc.Works = works
	return &Corpus{Corpus: rc, Citations: NewDirected(len(works), edges)}
}
