package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	dgraph "github.com/dominikbraun/graph"
)

// Reduce returns the historiograph with only the citations that no chain
// of other citations implies: its transitive reduction (Aho, Garey &
// Ullman, "The transitive reduction of a directed graph", SIAM J. Comput.
// 1(2):131–137, 1972, doi:10.1137/0201008), which CitNetExplorer offers to
// thin dense drawings (van Eck & Waltman, "CitNetExplorer", J. Informetr.
// 8(4):802–823, 2014, doi:10.1016/j.joi.2014.07.006). A record reaches
// another through the citations kept if and only if it did through all.
// Records in a citation cycle (papers of one issue citing each other) keep
// the citations among them; the groups of such records and the other
// records form a directed acyclic graph, whose reduction gives the
// citations kept between them, one for each link of two groups.
//
// Within each year the records are put in a stable topological order: a
// record comes after the records it cites, ties in the order of h. LCS,
// GCS and LCR stay those of all the citations.
//
// The records are keyed by id in github.com/dominikbraun/graph graphs; the
// reduction costs O(V·(V+E)), for a drawing of a few thousand records at
// most.
func (h *Historiograph) Reduce(c *Corpus) (*Historiograph, error) {
	n := len(h.Works)
	id := func(i int) string { return c.Works[h.Works[i]].ID }
	records := dgraph.New(dgraph.StringHash, dgraph.Directed())
	node := make(map[string]int, n)
	for i := range n {
		node[id(i)] = i
		if err := records.AddVertex(id(i)); err != nil {
			return nil, fmt.Errorf("historiograph: %w", err)
		}
	}
	citations := h.Citations.Edges() // citing → cited
	for _, e := range citations {
		if err := records.AddEdge(id(int(e.From)), id(int(e.To))); err != nil {
			return nil, fmt.Errorf("historiograph: %w", err)
		}
	}
	cycles, err := dgraph.StronglyConnectedComponents(records)
	if err != nil {
		return nil, fmt.Errorf("historiograph: %w", err)
	}
	// A group is named by its first record in h's order.
	group := make([]int, n)
	for _, members := range cycles {
		first := n
		for _, m := range members {
			first = min(first, node[m])
		}
		for _, m := range members {
			group[node[m]] = first
		}
	}
	// The groups, cited → citing: a directed acyclic graph.
	groups := dgraph.New(dgraph.IntHash, dgraph.Directed(), dgraph.Acyclic())
	for i := range n {
		if group[i] == i {
			if err := groups.AddVertex(i); err != nil {
				return nil, fmt.Errorf("historiograph: %w", err)
			}
		}
	}
	for _, e := range citations {
		from, to := group[e.To], group[e.From]
		if from == to {
			continue
		}
		if err := groups.AddEdge(from, to); err != nil && !errors.Is(err, dgraph.ErrEdgeAlreadyExists) {
			return nil, fmt.Errorf("historiograph: %w", err)
		}
	}
	reduced, err := dgraph.TransitiveReduction(groups)
	if err != nil {
		return nil, fmt.Errorf("historiograph: %w", err)
	}
	topo, err := dgraph.StableTopologicalSort(reduced, func(a, b int) bool { return a < b })
	if err != nil {
		return nil, fmt.Errorf("historiograph: %w", err)
	}
	rank := make([]int, n)
	for r, g := range topo {
		rank[g] = r
	}
	order := make([]int, n) // order[k] is the node of h at place k
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(historiographYear(&c.Works[h.Works[a]]), historiographYear(&c.Works[h.Works[b]])),
			cmp.Compare(rank[group[a]], rank[group[b]]))
	})
	place := make([]int32, n)
	out := &Historiograph{Works: make([]int32, n), LCS: make([]int, n), GCS: make([]int, n), LCR: make([]int, n), Reduced: true}
	for k, i := range order {
		place[i] = int32(k)
		out.Works[k], out.LCS[k], out.GCS[k], out.LCR[k] = h.Works[i], h.LCS[i], h.GCS[i], h.LCR[i]
	}
	var kept []Edge
	linked := map[[2]int]bool{}
	for _, e := range citations {
		from, to := group[e.To], group[e.From]
		if from != to {
			_, err := reduced.Edge(from, to)
			if errors.Is(err, dgraph.ErrEdgeNotFound) || linked[[2]int{from, to}] {
				continue // implied by other citations, or its groups already linked
			}
			if err != nil {
				return nil, fmt.Errorf("historiograph: %w", err)
			}
			linked[[2]int{from, to}] = true
		}
		kept = append(kept, Edge{place[e.From], place[e.To]})
	}
	out.Citations = NewDirected(n, kept)
	return out, nil
}
