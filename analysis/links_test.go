package analysis

import (
	"fmt"
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
