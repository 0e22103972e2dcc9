package metrics

import (
	"cmp"
	"math"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// SPCResult holds the search path counts of a citation graph's arcs, on
// the graph with its cycles condensed.
//
// Arcs run in the direction knowledge flows, from the cited work to the
// citing one (the reverse of graph.Directed's citing → cited), so that
// sources are the works that cite nothing in the graph (its roots) and
// sinks the works nothing cites (its latest). Works citing each other in a
// cycle are one node of the DAG: Component maps each work to it, and
// Members lists the works of each component. Components are numbered in
// topological order (every arc goes from a lower to a higher number).
type SPCResult struct {
	Component []int32
	Members   [][]int32
	// DAG is the condensed graph, cited → citing; SPC[e] is the count of the
	// arc at position e of its CSR (DAG.CSR()).
	DAG *graph.Directed
	SPC []float64
	// Paths is the number of source-to-sink paths, Σ over arcs leaving
	// sources of their SPC.
	Paths float64
	// Forward[u] = N⁻(u), the number of paths from any source to u;
	// Backward[u] = N⁺(u), from u to any sink.
	Forward, Backward []float64
}

// SPC computes the search path count of every arc (Batagelj 2003,
// "Efficient algorithms for citation network analysis", arXiv cs/0309023;
// main path analysis after Hummon & Doreian 1989,
// doi:10.1016/0378-8733(89)90017-8): the number of source-to-sink paths
// through the arc, SPC(u→v) = N⁻(u)·N⁺(v), with N⁻ and N⁺ obtained by dynamic
// programming in topological order in O(n + m). The strongly connected
// components of g (Tarjan 1972) are condensed first, as Batagelj proposes
// for citation graphs with cycles; self-loops are ignored. Counts are
// float64, exact up to 2⁵³ and approximate beyond (they grow exponentially
// with depth on large graphs).
func SPC(g *graph.Directed) *SPCResult {
	comp, nc := sccTopo(g)
	r := &SPCResult{Component: comp, Members: make([][]int32, nc)}
	for v, c := range comp {
		r.Members[c] = append(r.Members[c], int32(v))
	}
	var edges []graph.Edge
	for u := 0; u < g.Order(); u++ {
		for _, v := range g.Out(u) {
			// u cites v: knowledge flows v → u.
			if cu, cv := comp[u], comp[v]; cu != cv {
				edges = append(edges, graph.Edge{From: cv, To: cu})
			}
		}
	}
	dag := graph.NewDirected(nc, edges)
	r.DAG = dag
	fwd := make([]float64, nc)
	bwd := make([]float64, nc)
	for u := 0; u < nc; u++ { // topological order
		if dag.InDegree(u) == 0 {
			fwd[u] = 1
		}
		for _, p := range dag.In(u) {
			fwd[u] += fwd[p]
		}
	}
	for u := nc - 1; u >= 0; u-- {
		if dag.OutDegree(u) == 0 {
			bwd[u] = 1
		}
		for _, s := range dag.Out(u) {
			bwd[u] += bwd[s]
		}
	}
	off, adj := dag.CSR()
	r.SPC = make([]float64, len(adj))
	for u := 0; u < nc; u++ {
		for e := off[u]; e < off[u+1]; e++ {
			r.SPC[e] = fwd[u] * bwd[adj[e]]
		}
		if dag.InDegree(u) == 0 && dag.OutDegree(u) > 0 {
			r.Paths += bwd[u]
		}
	}
	r.Forward, r.Backward = fwd, bwd
	return r
}

// Arc is an arc of the condensed DAG with its search path count.
type Arc struct {
	From, To int32 // components, cited → citing
	SPC      float64
}

// arcsOf returns the arcs at the given CSR positions, sorted.
func (r *SPCResult) arcsOf(set map[int64]bool) []Arc {
	off, adj := r.DAG.CSR()
	var out []Arc
	for u := 0; u < r.DAG.Order(); u++ {
		for e := off[u]; e < off[u+1]; e++ {
			if set[e] {
				out = append(out, Arc{int32(u), adj[e], r.SPC[e]})
			}
		}
	}
	return out
}

// Arcs returns every arc with its count, the largest first (ties in
// (From, To) order).
func (r *SPCResult) Arcs() []Arc {
	off, adj := r.DAG.CSR()
	out := make([]Arc, 0, len(adj))
	for u := 0; u < r.DAG.Order(); u++ {
		for e := off[u]; e < off[u+1]; e++ {
			out = append(out, Arc{int32(u), adj[e], r.SPC[e]})
		}
	}
	slices.SortStableFunc(out, func(a, b Arc) int { return cmp.Compare(b.SPC, a.SPC) })
	return out
}

// spcTie reports equality up to round-off, for ties of float counts.
func spcTie(a, b float64) bool { return a == b || math.Abs(a-b) <= 1e-12*max(math.Abs(a), math.Abs(b)) }

// LocalMainPath is Hummon & Doreian's main path by "priority-first" search:
// from the arcs leaving sources with the largest SPC, repeatedly follow the
// outgoing arcs of largest SPC until sinks; all tied arcs are followed, so
// the result can branch. Arcs are returned in (From, To) order.
func (r *SPCResult) LocalMainPath() []Arc {
	off, adj := r.DAG.CSR()
	best := -1.0
	for u := 0; u < r.DAG.Order(); u++ {
		if r.DAG.InDegree(u) == 0 {
			for e := off[u]; e < off[u+1]; e++ {
				best = max(best, r.SPC[e])
			}
		}
	}
	set := map[int64]bool{}
	var frontier []int32
	for u := 0; u < r.DAG.Order(); u++ {
		if r.DAG.InDegree(u) == 0 {
			for e := off[u]; e < off[u+1]; e++ {
				if spcTie(r.SPC[e], best) {
					set[e] = true
					frontier = append(frontier, adj[e])
				}
			}
		}
	}
	r.forward(frontier, set)
	return r.arcsOf(set)
}

// forward follows the largest outgoing arcs from the frontier to sinks.
func (r *SPCResult) forward(frontier []int32, set map[int64]bool) {
	off, adj := r.DAG.CSR()
	seen := map[int32]bool{}
	for len(frontier) > 0 {
		u := frontier[len(frontier)-1]
		frontier = frontier[:len(frontier)-1]
		if seen[u] {
			continue
		}
		seen[u] = true
		top := -1.0
		for e := off[u]; e < off[u+1]; e++ {
			top = max(top, r.SPC[e])
		}
		for e := off[u]; e < off[u+1]; e++ {
			if spcTie(r.SPC[e], top) {
				set[e] = true
				frontier = append(frontier, adj[e])
			}
		}
	}
}

// backward follows the largest incoming arcs from the frontier to sources.
func (r *SPCResult) backward(frontier []int32, set map[int64]bool) {
	off, adj := r.DAG.CSR()
	seen := map[int32]bool{}
	for len(frontier) > 0 {
		v := frontier[len(frontier)-1]
		frontier = frontier[:len(frontier)-1]
		if seen[v] {
			continue
		}
		seen[v] = true
		top := -1.0
		var pos []int64
		for _, u := range r.DAG.In(int(v)) {
			e := arcPos(off, adj, u, v)
			pos = append(pos, e)
			top = max(top, r.SPC[e])
		}
		for i, u := range r.DAG.In(int(v)) {
			if spcTie(r.SPC[pos[i]], top) {
				set[pos[i]] = true
				frontier = append(frontier, u)
			}
		}
	}
}

// arcPos is the CSR position of arc u → v.
func arcPos(off []int64, adj []int32, u, v int32) int64 {
	i, _ := slices.BinarySearch(adj[off[u]:off[u+1]], v)
	return off[u] + int64(i)
}

// GlobalMainPath is the source-to-sink path of largest total SPC (Liu & Lu
// 2012, "An integrated approach for main path analysis: development of the
// Hirsch index as an example", J. Am. Soc. Inf. Sci. Technol. 63(3):528–542),
// found by dynamic programming in topological order; all tied paths are
// kept.
func (r *SPCResult) GlobalMainPath() []Arc {
	pre := r.bestPrefix()
	suf := r.bestSuffix()
	top := -1.0
	for u := 0; u < r.DAG.Order(); u++ {
		if r.DAG.InDegree(u) == 0 && r.DAG.OutDegree(u) > 0 {
			top = max(top, suf[u])
		}
	}
	set := map[int64]bool{}
	r.optimal(pre, suf, top, set)
	return r.arcsOf(set)
}

// bestPrefix[v] is the largest SPC sum of a path from a source to v.
func (r *SPCResult) bestPrefix() []float64 {
	off, adj := r.DAG.CSR()
	pre := make([]float64, r.DAG.Order())
	for v := 0; v < r.DAG.Order(); v++ {
		for _, u := range r.DAG.In(v) {
			pre[v] = max(pre[v], pre[u]+r.SPC[arcPos(off, adj, u, int32(v))])
		}
	}
	return pre
}

// bestSuffix[u] is the largest SPC sum of a path from u to a sink.
func (r *SPCResult) bestSuffix() []float64 {
	off, adj := r.DAG.CSR()
	suf := make([]float64, r.DAG.Order())
	for u := r.DAG.Order() - 1; u >= 0; u-- {
		for e := off[u]; e < off[u+1]; e++ {
			suf[u] = max(suf[u], r.SPC[e]+suf[adj[e]])
		}
	}
	return suf
}

// optimal marks every arc lying on a source-to-sink path of total total.
func (r *SPCResult) optimal(pre, suf []float64, total float64, set map[int64]bool) {
	off, adj := r.DAG.CSR()
	for u := 0; u < r.DAG.Order(); u++ {
		for e := off[u]; e < off[u+1]; e++ {
			v := adj[e]
			if spcTie(pre[u]+r.SPC[e]+suf[v], total) {
				set[e] = true
			}
		}
	}
}

// KeyRouteMainPath is the key-route main path (Liu & Lu 2012): the arcs of
// the k largest SPC (with every arc tied with the k-th) are the key routes,
// and each is extended forward to sinks and backward to sources, by the
// local search (the largest arcs, ties kept) or, with global set, by the
// path of largest total SPC through it.
func (r *SPCResult) KeyRouteMainPath(k int, global bool) []Arc {
	arcs := r.Arcs()
	if k <= 0 || len(arcs) == 0 {
		return nil
	}
	threshold := arcs[min(k, len(arcs))-1].SPC
	off, adj := r.DAG.CSR()
	set := map[int64]bool{}
	var pre, suf []float64
	if global {
		pre, suf = r.bestPrefix(), r.bestSuffix()
	}
	for _, a := range arcs {
		if a.SPC < threshold && !spcTie(a.SPC, threshold) {
			break
		}
		e := arcPos(off, adj, a.From, a.To)
		set[e] = true
		if !global {
			r.forward([]int32{a.To}, set)
			r.backward([]int32{a.From}, set)
			continue
		}
		// The best path through the key route: its best prefix and suffix.
		r.markPrefix(pre, a.From, set)
		r.markSuffix(suf, a.To, set)
	}
	return r.arcsOf(set)
}

// markPrefix marks the arcs of the best paths from sources to v.
func (r *SPCResult) markPrefix(pre []float64, v int32, set map[int64]bool) {
	off, adj := r.DAG.CSR()
	for _, u := range r.DAG.In(int(v)) {
		e := arcPos(off, adj, u, v)
		if spcTie(pre[u]+r.SPC[e], pre[v]) && !set[e] {
			set[e] = true
			r.markPrefix(pre, u, set)
		}
	}
}

// markSuffix marks the arcs of the best paths from u to sinks.
func (r *SPCResult) markSuffix(suf []float64, u int32, set map[int64]bool) {
	off, adj := r.DAG.CSR()
	for e := off[u]; e < off[u+1]; e++ {
		if spcTie(r.SPC[e]+suf[adj[e]], suf[u]) && !set[e] {
			set[e] = true
			r.markSuffix(suf, adj[e], set)
		}
	}
}
