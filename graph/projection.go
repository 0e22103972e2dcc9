package graph

import (
	"math/bits"
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

// CitationThreshold is the least k ≥ 1 such that at most maxNodes works
// of g are cited k times or more: the least --min-citations that keeps a
// co-citation network to maxNodes nodes, as VOSviewer's threshold on
// citations keeps its maps readable. When even the most cited works are
// more than maxNodes, it is one more than their citations, and the network
// is empty.
func CitationThreshold(g *Directed, maxNodes int) int {
	var atLeast []int // atLeast[d]: works cited exactly d times, then d or more
	for v := 0; v < g.Order(); v++ {
		d := g.InDegree(v)
		for len(atLeast) <= d {
			atLeast = append(atLeast, 0)
		}
		atLeast[d]++
	}
	for d := len(atLeast) - 2; d >= 0; d-- {
		atLeast[d] += atLeast[d+1]
	}
	k := 1
	for k < len(atLeast) && atLeast[k] > maxNodes {
		k++
	}
	return k
}

// CoCitationLinks counts the links of CoCitation(g, minCitations) without
// building it: an upper bound first, in O(E) (a record citing r of the
// kept works links at most r(r−1)/2 pairs of them, and k works have at
// most k(k−1)/2 pairs), and, when that bound exceeds limit, the exact
// number, which costs the first of the two passes that build the network
// and O(n) memory. The result is never below the true number and is exact
// when above limit, so that a caller can refuse a network too large
// before it takes the memory, and only then.
func CoCitationLinks(g *Directed, minCitations int, limit int64) int64 {
	return projectionLinks(g.Order(), g.In, g.Out, func(v int) bool { return g.InDegree(v) >= max(1, minCitations) }, limit)
}

// CouplingLinks counts the links of Coupling(g, minReferences) as
// CoCitationLinks counts co-citation links.
func CouplingLinks(g *Directed, minReferences int, limit int64) int64 {
	return projectionLinks(g.Order(), g.Out, g.In, func(v int) bool { return g.OutDegree(v) >= max(1, minReferences) }, limit)
}

// projectionLinks counts the links of project(n, via, back, keep): a
// bound, or the exact number when the bound exceeds limit.
func projectionLinks(n int, via, back func(int) []int32, keep func(int) bool, limit int64) int64 {
	var bound, kept int64
	for x := 0; x < n; x++ {
		if keep(x) {
			kept++
		}
		r := int64(0)
		for _, v := range back(x) {
			if keep(int(v)) {
				r++
			}
		}
		bound += r * (r - 1) / 2
	}
	if bound = min(bound, kept*(kept-1)/2); bound <= limit {
		return bound
	}
	node, members := keptNodes(n, keep)
	restricted := restrictBack(n, back, node)
	var entries atomic.Int64
	forRows(len(members), func(a int, s *rowScratch) {
		entries.Add(s.distinct(a, via(int(members[a])), restricted))
	})
	return entries.Load() / 2
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
	p, _ := projectWeighted(n, via, back, keep, nil)
	return p
}

// projectWeighted links kept nodes u and v through every intermediate x
// with x ∈ via(u) and v ∈ back(x), x adding weight(x) to the link (1 when
// weight is nil). It also returns each node's occurrences, Σ_{x∈via(u)}
// weight(x).
//
// Each row of the result is computed twice, on every core: once to count
// its distinct neighbours, so that the CSR arrays are allocated at their
// exact size (12 bytes a link in each of its two rows, nothing more while
// building), and once to fill it. Growing them by append instead spent
// half the time copying and left up to twice the memory in slack. A row's
// weights are summed over its intermediates in increasing order, so the
// two copies of a link, summed over the same intermediates in the same
// order, are equal to the bit.
func projectWeighted(n int, via, back func(int) []int32, keep func(int) bool, weight func(x int32) float64) (*Projection, []float64) {
	node, members := keptNodes(n, keep)
	kept := restrictBack(n, back, node)
	k := len(members)
	off := make([]int64, k+1)
	forRows(k, func(a int, s *rowScratch) {
		off[a+1] = s.distinct(a, via(int(members[a])), kept)
	})
	for a := range k {
		off[a+1] += off[a]
	}
	adj := make([]int32, off[k])
	wts := make([]float64, off[k])
	occ := make([]float64, k)
	forRows(k, func(a int, s *rowScratch) {
		row := adj[off[a]:off[a]:off[a+1]]
		for _, x := range via(int(members[a])) {
			wx := 1.0
			if weight != nil {
				wx = weight(x)
			}
			occ[a] += wx
			if wx == 0 {
				continue
			}
			for _, b := range kept.of(x) {
				if b != int32(a) {
					if s.count[b] == 0 {
						row = append(row, b)
					}
					s.count[b] += wx
				}
			}
		}
		if len(row)*bits.Len(uint(len(row))) > k {
			// A dense row (co-citation of the most cited works links
			// nearly every pair): walk the nodes in order instead of
			// sorting.
			row = row[:0]
			for b := range int32(k) {
				if s.count[b] != 0 {
					row = append(row, b)
				}
			}
		} else {
			slices.Sort(row)
		}
		for i, b := range row {
			wts[off[a]+int64(i)] = s.count[b]
			s.count[b] = 0
		}
	})
	return &Projection{Undirected: newUndirectedCSR(off, adj, wts), Members: members}, occ
}

// keptNodes numbers the kept nodes 0, 1, … in order: node[v] is v's number
// (−1 when not kept) and members[i] the node numbered i.
func keptNodes(n int, keep func(int) bool) (node, members []int32) {
	node = make([]int32, n)
	for v := 0; v < n; v++ {
		node[v] = -1
		if keep(v) {
			node[v] = int32(len(members))
			members = append(members, int32(v))
		}
	}
	return node, members
}

// distinct counts the distinct kept neighbours of row a (other than a),
// reached through the intermediates xs, marking them with the stamp a+1.
func (s *rowScratch) distinct(a int, xs []int32, kept keptBack) int64 {
	d := int64(0)
	stamp := int32(a + 1)
	for _, x := range xs {
		for _, b := range kept.of(x) {
			if b != int32(a) && s.mark[b] != stamp {
				s.mark[b] = stamp
				d++
			}
		}
	}
	return d
}

// keptBack is back restricted to the kept nodes, by their numbers, for
// every intermediate 0 … n−1, in back's order. The rows then scan only the
// kept nodes: a co-citation network keeps the 2,000 most cited of 137,000
// works, and each record citing one of them lists 800.
type keptBack struct {
	off []int64
	adj []int32
}

func restrictBack(n int, back func(int) []int32, node []int32) keptBack {
	k := keptBack{off: make([]int64, n+1)}
	for x := range n {
		d := int64(0)
		for _, v := range back(x) {
			if node[v] >= 0 {
				d++
			}
		}
		k.off[x+1] = k.off[x] + d
	}
	k.adj = make([]int32, 0, k.off[n])
	for x := range n {
		for _, v := range back(x) {
			if b := node[v]; b >= 0 {
				k.adj = append(k.adj, b)
			}
		}
	}
	return k
}

func (k keptBack) of(x int32) []int32 { return k.adj[k.off[x]:k.off[x+1]] }

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
	grouped := 0
	for u := 0; u < n; u++ {
		for _, v := range g.Out(u) {
			if group[v] >= 0 {
				grouped++
			}
		}
	}
	edges := make([]Edge, 0, grouped)
	for u := 0; u < n; u++ {
		for _, v := range g.Out(u) {
			if gr := group[v]; gr >= 0 {
				edges = append(edges, Edge{int32(u), int32(n) + gr})
			}
		}
	}
	return NewDirected(n+groups, edges)
}
