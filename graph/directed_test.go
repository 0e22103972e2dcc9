package graph

import (
	"math/rand/v2"
	"slices"
	"testing"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

func TestDirectedMergesDuplicatesAndSorts(t *testing.T) {
	g := NewDirected(4, []Edge{{0, 2}, {0, 1}, {0, 2}, {3, 0}, {1, 1}})
	if g.Order() != 4 || g.Size() != 4 {
		t.Fatalf("order %d size %d, want 4 4", g.Order(), g.Size())
	}
	if got := g.Out(0); !slices.Equal(got, []int32{1, 2}) {
		t.Errorf("Out(0) = %v, want [1 2]", got)
	}
	if got := g.In(0); !slices.Equal(got, []int32{3}) {
		t.Errorf("In(0) = %v, want [3]", got)
	}
	if got := g.SelfLoops(); !slices.Equal(got, []int32{1}) {
		t.Errorf("SelfLoops = %v, want [1]", got)
	}
	if !g.HasEdgeFromTo(3, 0) || g.HasEdgeFromTo(0, 3) || !g.HasEdgeBetween(0, 3) {
		t.Error("edge 3→0 misreported")
	}
	if g.Node(4) != nil || g.Edge(0, 3) != nil || g.From(-1).Len() != 0 {
		t.Error("out-of-range ids must give nil or empty")
	}
}

// TestDirectedAgreesWithGonum builds the same random graph as a CSR and as
// gonum's simple.DirectedGraph and compares what gonum algorithms see.
func TestDirectedAgreesWithGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 10, 200} {
		var edges []Edge
		ref := simple.NewDirectedGraph()
		for i := 0; i < n; i++ {
			ref.AddNode(simple.Node(i))
		}
		for i := 0; i < 4*n; i++ {
			u, v := int32(rng.IntN(n)), int32(rng.IntN(n))
			if u == v {
				continue
			}
			edges = append(edges, Edge{u, v})
			ref.SetEdge(simple.Edge{F: simple.Node(u), T: simple.Node(v)})
		}
		g := NewDirected(n, edges)
		if g.Size() != ref.Edges().Len() {
			t.Fatalf("n=%d: size %d, gonum %d", n, g.Size(), ref.Edges().Len())
		}
		for u := 0; u < n; u++ {
			if a, b := ids(g.From(int64(u))), ids(ref.From(int64(u))); !slices.Equal(a, b) {
				t.Fatalf("From(%d) = %v, gonum %v", u, a, b)
			}
			if a, b := ids(g.To(int64(u))), ids(ref.To(int64(u))); !slices.Equal(a, b) {
				t.Fatalf("To(%d) = %v, gonum %v", u, a, b)
			}
		}
		if a, b := len(topo.TarjanSCC(g)), len(topo.TarjanSCC(ref)); a != b {
			t.Errorf("n=%d: %d strongly connected components, gonum graph %d", n, a, b)
		}
	}
}

func ids(it gonum.Nodes) []int64 {
	var out []int64
	for it.Next() {
		out = append(out, it.Node().ID())
	}
	slices.Sort(out)
	return out
}
