package graph

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

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
// Pairs are counted per work, with a dense counter per core, so memory
// is O(n + links) and no hash map per pair is needed;
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
//
// Each row of the result is computed twice, on every core: once to count
// its distinct neighbours, so that the CSR arrays are allocated at their
// exact size, and once to fill it. Growing them by append instead spent
// half the time copying and left up to twice the memory in slack.
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
	// neighbours calls f for every kept v ≠ u reached from row a = node[u],
	// once per path.
	neighbours := func(a int, f func(b int32)) {
		for _, x := range via(int(members[a])) {
			for _, v := range back(int(x)) {
				if b := node[v]; b >= 0 && b != int32(a) {
					f(b)
				}
			}
		}
	}
	off := make([]int64, k+1)
	forRows(k, func(a int, s *rowScratch) {
		d := int64(0)
		stamp := int32(a + 1)
		neighbours(a, func(b int32) {
			if s.mark[b] != stamp {
				s.mark[b] = stamp
				d++
			}
		})
		off[a+1] = d
	})
	for a := range k {
		off[a+1] += off[a]
	}
	adj := make([]int32, off[k])
	weight := make([]float64, off[k])
	forRows(k, func(a int, s *rowScratch) {
		row := adj[off[a]:off[a]:off[a+1]]
		neighbours(a, func(b int32) {
			if s.count[b] == 0 {
				row = append(row, b)
			}
			s.count[b]++
		})
		slices.Sort(row)
		for i, b := range row {
			weight[off[a]+int64(i)] = s.count[b]
			s.count[b] = 0
		}
	})
	return &Projection{Undirected: newUndirectedCSR(off, adj, weight), Members: members}
}

// rowScratch is one worker's dense scratch over the rows.
type rowScratch struct {
	mark  []int32
	count []float64
}

// forRows calls f(a, scratch) for every row a < rows on every core, rows
// handed out in blocks as workers free up (rows differ widely in cost).
// Each worker has its own scratch, one cell per row: count is zero
// between calls, mark holds the stamps of rows past (a+1 for row a).
func forRows(rows int, f func(a int, s *rowScratch)) {
	const block = 256
	workers := min(runtime.GOMAXPROCS(0), max(1, rows/block))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			s := &rowScratch{mark: make([]int32, rows), count: make([]float64, rows)}
			for {
				lo := int(next.Add(block)) - block
				if lo >= rows {
					return
				}
				for a := lo; a < min(lo+block, rows); a++ {
					f(a, s)
				}
			}
		})
	}
	wg.Wait()
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
