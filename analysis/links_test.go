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
		links := strongestFirst(g, func(v int) string { return names[v] })
		for l, w := range links.between(0, len(links.links)) {
			got = append(got, fmt.Sprintf("%s-%s:%g", names[l.a], names[l.b], w/scale))
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
		if len(links.links) != g.Size() {
			t.Fatalf("density %g: %d links, want %d", density, len(links.links), g.Size())
		}
		type key struct {
			w    float64
			a, b string
		}
		var keys []key
		for l, w := range links.between(0, len(links.links)) {
			if got, _ := g.Weight(int64(l.a), int64(l.b)); got != w {
				t.Fatalf("density %g: link %d-%d weighs %g, given as %g", density, l.a, l.b, got, w)
			}
			x, y := name(int(l.a)), name(int(l.b))
			if x > y {
				t.Fatalf("density %g: link %s-%s not lower name first", density, x, y)
			}
			keys = append(keys, key{w, x, y})
		}
		for i := 1; i < len(keys); i++ {
			k0, k1 := keys[i-1], keys[i]
			if k1.w > k0.w || k1.w == k0.w && (k1.a < k0.a || k1.a == k0.a && k1.b <= k0.b) {
				t.Fatalf("density %g: %v before %v", density, k0, k1)
			}
		}
		// Any range gives the same links and weights as the whole.
		for _, r := range [][2]int{{0, 0}, {0, 1}, {5, 17}, {len(keys) / 2, len(keys)}, {len(keys) - 1, len(keys)}} {
			i := r[0]
			for l, w := range links.between(r[0], r[1]) {
				if x, y := name(int(l.a)), name(int(l.b)); (key{w, x, y}) != keys[i] {
					t.Fatalf("density %g: links %d..%d: link %d is %v, want %v", density, r[0], r[1], i, key{w, x, y}, keys[i])
				}
				i++
			}
			if i != r[1] {
				t.Fatalf("density %g: links %d..%d: %d links", density, r[0], r[1], i-r[0])
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
