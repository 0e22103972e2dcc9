package graph

import "slices"

// Projection is a weighted undirected network over a subset of the works
// (or of groups of works, such as authors) of a citation graph.
type Projection struct {
	*Undirected
	// Members maps each node of the projection to the work (or group) it
	// stands for.
	Members []int32
}

// CoCitation is the co-citation network of the cited works: two works are
// linked once for every record that cites both (Small 1973,
// doi:10.1002/asi.4630240406). Only works cited at least minCitations times
// (and at least once) are nodes.
//
// Pairs are counted per work, with a dense counter over the works that
// follow it, so memory is O(n + links) and no hash map per pair is needed;
// the work is Σ_r refs(r)² over citing records r.
func CoCitation(g *Directed, minCitations int) *Projection {
	return project(g.Order(), g.In, g.Out, func(v int) bool { return g.InDegree(v) >= max(1, minCitations) })
}

// Coupling is the bibliographic-coupling network of the citing works: two
// works are linked once for every reference they share (Kessler 1963,
// doi:10.1002/asi.5090140103). Only works citing at least minReferences
// works (and at least one) are nodes.
func Coupling(g *Directed, minReferences int) *Projection {
	return project(g.Order(), g.Out, g.In, func(v int) bool { return g.OutDegree(v) >= max(1, minReferences) })
}

// project links kept nodes u and v once for every intermediate x with
// x ∈ via(u) and v ∈ back(x).
func project(n int, via, back func(int) []int32, keep func(int) bool) *Projection {
	node := make([]int32, n)
	var members []int32
	for v := 0; v < n; v++ {
		node[v] = -1
		if keep(v) {
			node[v] = int32(len(members))
			members = append(members, int32(v))
		}
	}
	k := len(members)
	count := make([]float64, k)
	var touched []int32
	off := make([]int64, k+1)
	var adj []int32
	var weight []float64
	// Rows are built in order; each row needs both its lower and higher
	// neighbours, so count over all of them: the CSR comes out symmetric.
	for a, u := range members {
		for _, x := range via(int(u)) {
			for _, v := range back(int(x)) {
				b := node[v]
				if b < 0 || b == int32(a) {
					continue
				}
				if count[b] == 0 {
					touched = append(touched, b)
				}
				count[b]++
			}
		}
		slices.Sort(touched)
		for _, b := range touched {
			adj = append(adj, b)
			weight = append(weight, count[b])
			count[b] = 0
		}
		touched = touched[:0]
		off[a+1] = int64(len(adj))
	}
	return &Projection{Undirected: newUndirectedCSR(off, adj, weight), Members: members}
}

// Regroup maps the cited side of g onto groups (authors, sources): the
// result has g's nodes followed by one node per group, and an edge from u
// to n+group[v] for every edge u→v with group[v] ≥ 0. Its co-citation
// network, restricted to the group nodes, is the author (or source)
// co-citation network: two groups are linked once per record citing both.
func Regroup(g *Directed, group []int32, groups int) *Directed {
	n := g.Order()
	var edges []Edge
	for u := 0; u < n; u++ {
		for _, v := range g.Out(u) {
			if gr := group[v]; gr >= 0 {
				edges = append(edges, Edge{int32(u), int32(n) + gr})
			}
		}
	}
	return NewDirected(n+groups, edges)
}
