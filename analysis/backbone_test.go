package analysis

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// TestBackboneFromCSR: the links picked from the CSR arrays are those
// export.Backbone and a stable sort by weight pick from the whole list,
// with the nodes numbered as they are or permuted, many weights tied.
func TestBackboneFromCSR(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const n = 300
	var edges []graph.WeightedEdge
	for range 3000 {
		edges = append(edges, graph.WeightedEdge{A: int32(rng.IntN(n)), B: int32(rng.IntN(n)), Weight: float64(1 + rng.IntN(3))})
	}
	g := graph.NewUndirected(n, edges)
	for _, at := range [][]int{nil, rng.Perm(n)} {
		all := projectionLinks(g, at)
		net := &export.Network{Nodes: make([]export.Node, n), Links: all}
		for _, k := range []int{0, 1, 10, 500, len(all) - 1, len(all), len(all) + 5} {
			if got, want := backboneLinks(g, at, k), export.Backbone(net, k); !slices.Equal(got, want) {
				t.Fatalf("permuted %v, k %d: backbone of %d links, want %d", at != nil, k, len(got), len(want))
			}
			byWeight := slices.Clone(all)
			slices.SortStableFunc(byWeight, func(x, y export.Link) int { return cmp.Compare(y.Weight, x.Weight) })
			if k > 0 && k < len(byWeight) {
				byWeight = byWeight[:k]
			}
			slices.SortFunc(byWeight, compareDrawn)
			if got := strongestLinks(g, at, k); !slices.Equal(got, byWeight) {
				t.Fatalf("permuted %v, k %d: %d strongest links, want %d", at != nil, k, len(got), len(byWeight))
			}
		}
	}
}
