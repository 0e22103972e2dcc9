package analysis

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// TestStrongestFirst: links come heaviest first, ties by the names of
// their ends (the lower name first), whatever the node numbers.
func TestStrongestFirst(t *testing.T) {
	names := []string{"W9", "W10", "W2", "A", "W1"} // name order: A, W1, W10, W2, W9
	// Counts, and fractional weights (numbered through a map, not by
	// arithmetic), in the same order.
	for _, scale := range []float64{1, 0.25} {
		g := graph.NewUndirected(5, []graph.WeightedEdge{
			{A: 0, B: 1, Weight: 1 * scale}, {A: 0, B: 2, Weight: 3 * scale}, {A: 1, B: 3, Weight: 1 * scale},
			{A: 2, B: 4, Weight: 1 * scale}, {A: 3, B: 4, Weight: 3 * scale}, {A: 1, B: 2, Weight: 2 * scale},
		})
		var got []string
		for _, l := range strongestFirst(g, func(v int) string { return names[v] }) {
			b, w := l.end(g)
			got = append(got, fmt.Sprintf("%s-%s:%g", names[l.a], names[b], w/scale))
		}
		want := "A-W1:3 W2-W9:3 W10-W2:2 A-W10:1 W1-W2:1 W10-W9:1"
		if s := strings.Join(got, " "); s != want {
			t.Errorf("weights ×%g: got  %s\nwant %s", scale, s, want)
		}
	}
}

// TestStrongestFirstOrder: on random graphs, sparse and dense (whose rows
// are walked, not sorted), every link comes once, heaviest first, ties by
// the names of their ends.
func TestStrongestFirstOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, density := range []float64{0.02, 0.9} {
		const n = 300
		var edges []graph.WeightedEdge
		for a := range n {
			for b := a + 1; b < n; b++ {
				if rng.Float64() < density {
					edges = append(edges, graph.WeightedEdge{A: int32(a), B: int32(b), Weight: float64(1 + rng.IntN(4))})
				}
			}
		}
		g := graph.NewUndirected(n, edges)
		name := func(v int) string { return fmt.Sprintf("n%03d", (v*7)%n) }
		links := strongestFirst(g, name)
		if len(links) != g.Size() {
			t.Fatalf("density %g: %d links, want %d", density, len(links), g.Size())
		}
		key := func(l link) (float64, string, string) {
			b, w := l.end(g)
			x, y := name(int(l.a)), name(int(b))
			if x > y {
				t.Fatalf("density %g: link %s-%s not lower name first", density, x, y)
			}
			return w, x, y
		}
		for i := 1; i < len(links); i++ {
			w0, a0, b0 := key(links[i-1])
			w1, a1, b1 := key(links[i])
			if w1 > w0 || w1 == w0 && (a1 < a0 || a1 == a0 && b1 <= b0) {
				t.Fatalf("density %g: %s-%s:%g before %s-%s:%g", density, a0, b0, w0, a1, b1, w1)
			}
		}
	}
}

// BenchmarkStrongestFirst orders the links of a dense network, as
// co-citation of the 2,000 most cited works of 500 reviews is (1,725
// works, 830,000 links).
func BenchmarkStrongestFirst(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 1725
	var edges []graph.WeightedEdge
	for a := range n {
		for c := a + 1; c < n; c++ {
			if rng.Float64() < 0.56 {
				edges = append(edges, graph.WeightedEdge{A: int32(a), B: int32(c), Weight: float64(1 + rng.IntN(20))})
			}
		}
	}
	g := graph.NewUndirected(n, edges)
	names := make([]string, n)
	for v := range names {
		names[v] = fmt.Sprintf("W%d", v+1)
	}
	for b.Loop() {
		strongestFirst(g, func(v int) string { return names[v] })
	}
}
