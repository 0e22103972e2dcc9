package analysis

import (
	"cmp"
	"slices"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// The DOT files and the map draw a few thousand links of networks that may
// hold millions. These pick those links from the CSR arrays directly, in
// O(links) time and O(drawn) memory, rather than listing and sorting every
// link. Nodes are numbered for the drawing by at (at[v] for node v; v
// itself when at is nil), and links run from the lower number to the
// higher.

// strongestLinks returns the k heaviest links of g (all of them when k ≤
// 0 or g has no more), of links of equal weight those first in node order
// (lower end, then higher) — what a stable sort by weight of the links in
// node order keeps — listed in node order.
func strongestLinks(g *graph.Undirected, at []int, k int) []export.Link {
	if k <= 0 || g.Size() <= k {
		return projectionLinks(g, at)
	}
	off, adj, weight := g.CSR()
	bucket := weightBuckets(weight)
	perBucket := make([]int, bucket.count)
	for a := 0; a < g.Order(); a++ {
		for e := off[a]; e < off[a+1]; e++ {
			if int32(a) < adj[e] {
				perBucket[bucket.of(weight[e])]++
			}
		}
	}
	// Every link of a bucket lighter than cut is out, every one heavier in,
	// and of the cut bucket the first need in node order.
	cut, need := 0, k
	for perBucket[cut] < need {
		need -= perBucket[cut]
		cut++
	}
	links := make([]export.Link, 0, k)
	for a := 0; a < g.Order(); a++ {
		for e := off[a]; e < off[a+1]; e++ {
			if b := adj[e]; int32(a) < b && bucket.of(weight[e]) < cut {
				links = append(links, drawnLink(at, int32(a), b, weight[e]))
			}
		}
	}
	var ties []export.Link
	for _, v := range byNumber(g, at) {
		if need == 0 {
			break
		}
		ties = ties[:0]
		for e := off[v]; e < off[v+1]; e++ {
			if u := adj[e]; number(at, v) < number(at, u) && bucket.of(weight[e]) == cut {
				ties = append(ties, drawnLink(at, v, u, weight[e]))
			}
		}
		slices.SortFunc(ties, compareDrawn)
		take := min(need, len(ties))
		links = append(links, ties[:take]...)
		need -= take
	}
	slices.SortFunc(links, compareDrawn)
	return links
}

// backboneLinks is export.Backbone of g, numbered by at: its k strongest
// links and each node's strongest, in node order.
func backboneLinks(g *graph.Undirected, at []int, k int) []export.Link {
	if k <= 0 || g.Size() <= k {
		return projectionLinks(g, at)
	}
	links := strongestLinks(g, at, k)
	off, adj, weight := g.CSR()
	for v := 0; v < g.Order(); v++ {
		best := export.Link{Source: -1}
		for e := off[v]; e < off[v+1]; e++ {
			l := drawnLink(at, int32(v), adj[e], weight[e])
			if best.Source < 0 || l.Weight > best.Weight || l.Weight == best.Weight && compareDrawn(l, best) < 0 {
				best = l
			}
		}
		if best.Source >= 0 {
			links = append(links, best)
		}
	}
	slices.SortFunc(links, compareDrawn)
	return slices.Compact(links)
}

// number is node v's number in the drawing.
func number(at []int, v int32) int {
	if at == nil {
		return int(v)
	}
	return at[v]
}

// drawnLink is the link between nodes a and b, numbered, the lower first.
func drawnLink(at []int, a, b int32, w float64) export.Link {
	s, t := number(at, a), number(at, b)
	return export.Link{Source: min(s, t), Target: max(s, t), Weight: w}
}

// compareDrawn orders links by their lower end, then their higher.
func compareDrawn(x, y export.Link) int {
	return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target))
}

// byNumber lists g's nodes in the order of their numbers.
func byNumber(g *graph.Undirected, at []int) []int32 {
	nodes := make([]int32, g.Order())
	for v := range nodes {
		nodes[number(at, int32(v))] = int32(v)
	}
	return nodes
}
