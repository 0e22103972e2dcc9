package analysis

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// TestMostCited: the works a stable sort of the cited works by citations
// puts first, on random graphs with many ties.
func TestMostCited(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, size := range []struct{ n, m int }{{5, 3}, {30, 60}, {400, 3000}} {
		var edges []graph.Edge
		for range size.m {
			edges = append(edges, graph.Edge{From: int32(rng.IntN(size.n)), To: int32(rng.IntN(size.n))})
		}
		g := graph.NewDirected(size.n, edges)
		var cited []int
		for v := range g.Order() {
			if g.InDegree(v) > 0 {
				cited = append(cited, v)
			}
		}
		slices.SortStableFunc(cited, func(a, b int) int { return cmp.Compare(g.InDegree(b), g.InDegree(a)) })
		for _, k := range []int{0, 1, 3, 10, len(cited), len(cited) + 5} {
			want := cited[:min(k, len(cited))]
			if got := mostCited(g, k); !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
				t.Errorf("n=%d, k=%d: got %v, want %v", size.n, k, got, want)
			}
		}
	}
}
