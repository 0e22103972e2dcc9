package analysis

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// TestMostCitedArcs: the arcs kept are those a stable sort of the arcs by
// their cited work's citations puts first, on random graphs where many
// works are cited as often (ties cut through).
func TestMostCitedArcs(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, size := range []struct{ n, m int }{{10, 20}, {60, 300}, {500, 4000}} {
		var edges []graph.Edge
		for range size.m {
			edges = append(edges, graph.Edge{From: int32(rng.IntN(size.n / 4)), To: int32(rng.IntN(size.n))})
		}
		g := graph.NewDirected(size.n, edges)
		for _, keep := range []int{-1, 0, 1, 2, 5, 17, g.Size() / 3, g.Size() - 1, g.Size(), g.Size() + 1} {
			want := g.Edges()
			slices.SortStableFunc(want, func(x, y graph.Edge) int {
				return cmp.Compare(g.InDegree(int(y.To)), g.InDegree(int(x.To)))
			})
			if keep > 0 && len(want) > keep {
				want = want[:keep]
			}
			slices.SortFunc(want, func(x, y graph.Edge) int { return cmp.Or(cmp.Compare(x.From, y.From), cmp.Compare(x.To, y.To)) })
			if got := mostCitedArcs(g, keep); !slices.Equal(got, want) {
				t.Errorf("n=%d, %d arcs, keep %d: got %v\nwant %v", size.n, g.Size(), keep, got, want)
			}
		}
	}
}
