package metrics

import (
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// CoreNumbers returns each node's core number in the undirected graph g: the
// largest k such that the node belongs to the k-core, the maximal subgraph
// in which every node has at least k neighbours (Seidman 1983,
// doi:10.1016/0378-8733(83)90028-X), by the O(m) bucket algorithm of
// Batagelj & Zaversnik (2003, arXiv cs/0310049). Degrees count neighbours,
// not weights. It equals networkx's core_number.
func CoreNumbers(g *graph.Undirected) []int {
	n := g.Order()
	deg := make([]int, n)
	maxDeg := 0
	for u := 0; u < n; u++ {
		vs, _ := g.Neighbors(u)
		deg[u] = len(vs)
		maxDeg = max(maxDeg, deg[u])
	}
	// Bucket sort the nodes by degree.
	bin := make([]int, maxDeg+2)
	for _, d := range deg {
		bin[d+1]++
	}
	for d := 1; d < len(bin); d++ {
		bin[d] += bin[d-1]
	}
	pos := make([]int, n)
	vert := make([]int32, n)
	next := slices.Clone(bin)
	for u, d := range deg {
		pos[u] = next[d]
		vert[pos[u]] = int32(u)
		next[d]++
	}
	for i := 0; i < n; i++ {
		v := vert[i]
		vs, _ := g.Neighbors(int(v))
		for _, u := range vs {
			if deg[u] > deg[v] {
				// Move u to the front of its bin, then shrink its degree.
				du := deg[u]
				pu, pw := pos[u], bin[du]
				w := vert[pw]
				if u != w {
					vert[pu], vert[pw] = w, u
					pos[u], pos[w] = pw, pu
				}
				bin[du]++
				deg[u]--
			}
		}
	}
	return deg
}

// KCore returns the nodes of the k-core of g (core number ≥ k), in order.
func KCore(g *graph.Undirected, k int) []int32 {
	var out []int32
	for u, c := range CoreNumbers(g) {
		if c >= k {
			out = append(out, int32(u))
		}
	}
	return out
}

// DirectedCoreNumbers is CoreNumbers of a directed graph taken as
// undirected (a citation in either direction links two works).
func DirectedCoreNumbers(g *graph.Directed) []int {
	var es []graph.WeightedEdge
	for _, e := range g.Edges() {
		es = append(es, graph.WeightedEdge{A: e.From, B: e.To, Weight: 1})
	}
	return CoreNumbers(graph.NewUndirected(g.Order(), es))
}
