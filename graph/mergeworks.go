package graph

import "github.com/citegraph/citegraph/bib/resolve"

// WorkNames are the works' labels and ids, in order: the node names of
// document networks, and what a thesaurus matches for a work.
func WorkNames(c *Corpus) (names, ids []string) {
	names, ids = make([]string, len(c.Works)), make([]string, len(c.Works))
	for i := range c.Works {
		names[i], ids[i] = c.Works[i].Label, c.Works[i].ID
	}
	return names, ids
}

// MergeWorks applies a thesaurus to the works of c, matching each work's
// label or id, for the commands that draw the citation graph itself (the
// historiograph, main paths, the Tree of Science): the works it renames
// alike are one work, named by the replacement and keeping the first one's
// fields (a record of the corpus, if one of them is); the works it drops are
// gone with the references citing them and those they make. A citation
// that merging turns into a self-citation is left out of Citations. c is
// not changed; without a thesaurus MergeWorks returns c itself.
func MergeWorks(c *Corpus, t *Thesaurus) (*Corpus, *Relabelling) {
	if t == nil {
		return c, nil
	}
	rl := t.Relabel(WorkNames(c))
	if rl.Replaced == 0 && rl.Ignored == 0 {
		return c, rl
	}
	works := make([]resolve.Work, len(rl.Names))
	for g, old := range rl.From {
		works[g] = c.Works[old]
		works[g].Label = rl.Names[g]
	}
	for old, g := range rl.Group {
		if g >= 0 && c.Works[old].InCorpus && !works[g].InCorpus {
			label := works[g].Label
			works[g] = c.Works[old]
			works[g].Label = label
		}
	}
	kept := make([]int, len(c.Refs)) // old reference → its index in the result, or −1
	n := 0
	for i, ref := range c.Refs {
		kept[i] = -1
		if rl.Group[ref.Citing] >= 0 && (ref.Work < 0 || rl.Group[ref.Work] >= 0) {
			kept[i] = n
			n++
		}
	}
	refs := make([]resolve.Ref, 0, n)
	edges := make([]Edge, 0, n)
	for i, ref := range c.Refs {
		if kept[i] < 0 {
			continue
		}
		ref.Citing = rl.Group[ref.Citing]
		if ref.Work >= 0 {
			ref.Work = rl.Group[ref.Work]
		}
		if ref.Via >= 0 {
			ref.Via = kept[ref.Via]
		}
		refs = append(refs, ref)
		if ref.Match != resolve.MatchDuplicate && ref.Work >= 0 && ref.Work != ref.Citing {
			edges = append(edges, Edge{ref.Citing, ref.Work})
		}
	}
	merged := &Corpus{Corpus: resolve.Corpus{Works: works, Refs: refs, Records: c.Records}}
	merged.Citations = NewDirected(len(works), edges)
	return merged, rl
}
