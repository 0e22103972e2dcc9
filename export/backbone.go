package export

import (
	"cmp"
	"slices"
)

// Backbone is what a map of n draws and lays out: its maxLinks strongest
// links (all when maxLinks ≤ 0), and each node's strongest link, so that
// no node is left floating apart from the works it is most often cited
// with. Ties go to the links given first; the result is in node order (by
// Source, then Target), as n.Links. Laying out and drawing the backbone
// instead of every link keeps a dense co-citation map readable and its
// layout fast: ForceAtlas2's attraction costs one step per link.
func Backbone(n *Network, maxLinks int) []Link {
	if maxLinks <= 0 || len(n.Links) <= maxLinks {
		return n.Links
	}
	order := make([]int32, len(n.Links))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(n.Links[b].Weight, n.Links[a].Weight) })
	keep := make([]bool, len(n.Links))
	for _, i := range order[:maxLinks] {
		keep[i] = true
	}
	strongest := make([]int32, len(n.Nodes))
	for i := range strongest {
		strongest[i] = -1
	}
	for i, l := range n.Links {
		for _, v := range [2]int{l.Source, l.Target} {
			if s := strongest[v]; s < 0 || l.Weight > n.Links[s].Weight {
				strongest[v] = int32(i)
			}
		}
	}
	for _, s := range strongest {
		if s >= 0 {
			keep[s] = true
		}
	}
	var links []Link
	for i, l := range n.Links {
		if keep[i] {
			links = append(links, l)
		}
	}
	if !slices.IsSortedFunc(links, compareLinks) {
		slices.SortStableFunc(links, compareLinks)
	}
	return links
}

// compareLinks orders links by Source, then Target.
func compareLinks(a, b Link) int {
	return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
}
