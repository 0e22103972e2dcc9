package analysis

import "github.com/citegraph/citegraph/graph"

// relabel applies the options' thesaurus to the network's groups, r.Names
// (and r.IDs, matched too, for works), and keeps what it did.
func (r *NetworkResult) relabel() *graph.Relabelling {
	rl := r.Options.Thesaurus.Relabel(r.Names, r.IDs)
	if r.IDs != nil {
		ids := make([]string, len(rl.Names))
		for g, old := range rl.From {
			ids[g] = r.IDs[old]
		}
		r.IDs = ids
	}
	r.Names, r.Relabelled = rl.Names, rl
	return rl
}

// relabelledWorks is the citation graph with the thesaurus applied to the
// works' labels (and ids), regrouped (graph.Regroup): works it merges are
// one node, named after the work whose label is the replacement (or the
// first merged), and works it drops are out.
func (r *Result) relabelledWorks() *graph.Directed {
	c := r.Corpus
	names, ids := graph.WorkNames(c)
	r.WorksRelabelled = r.Options.Thesaurus.Relabel(names, ids)
	return graph.Regroup(c.Citations, r.WorksRelabelled.Group, len(r.WorksRelabelled.Names))
}
