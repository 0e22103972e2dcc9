package metrics

import (
	"errors"
	"testing"

	"gonum.org/v1/gonum/graph/network"

	"github.com/citegraph/citegraph/graph"
)

// withCycles adds to a citation DAG the cycles real citation graphs have:
// pairs of works citing each other, a few three-cycles and self-citations.
func withCycles(g *graph.Directed, seed uint64) *graph.Directed {
	r := newRand(seed)
	n := g.Order()
	var es []graph.Edge
	for u := 0; u < n; u++ {
		for _, v := range g.Out(u) {
			es = append(es, graph.Edge{From: int32(u), To: v})
		}
	}
	for k := 0; k < n/50; k++ {
		u := int32(1 + r.IntN(n-1))
		if out := g.Out(int(u)); len(out) > 0 {
			v := out[r.IntN(len(out))]
			es = append(es, graph.Edge{From: v, To: u}) // u and v cite each other
		}
	}
	for k := 0; k < n/200; k++ {
		u := int32(r.IntN(n))
		es = append(es, graph.Edge{From: u, To: u})
	}
	for k := 0; k < n/200; k++ {
		a, b, c := int32(r.IntN(n)), int32(r.IntN(n)), int32(r.IntN(n))
		es = append(es, graph.Edge{From: a, To: b}, graph.Edge{From: b, To: c}, graph.Edge{From: c, To: a})
	}
	return graph.NewDirected(n, es)
}

// The condensed solver agrees with gonum and with power iteration on
// citation graphs, acyclic and with cycles.
func TestPageRankCondensed(t *testing.T) {
	for _, n := range []int{60, 400, 3000} {
		dag := citationGraph(n, 8, uint64(n))
		for name, g := range map[string]*graph.Directed{"acyclic": dag, "with cycles": withCycles(dag, uint64(n))} {
			c := defaultConfig()
			got, ok, err := pageRankCondensed(g, inverseOutDegrees(g), c)
			if !ok || err != nil {
				t.Fatalf("n=%d %s: condensed solver not used (%v) or failed: %v", n, name, ok, err)
			}
			power, err := pageRankPower(g, inverseOutDegrees(g), c)
			if err != nil {
				t.Fatal(err)
			}
			checkSlice(t, name+" vs power iteration", got, power, 1e-10, 0)
			if n <= 400 {
				want := fromMap(n, network.PageRankSparse(g, 0.85, 1e-14))
				normalise(want)
				checkSlice(t, name+" vs gonum", got, want, 1e-9, 0)
			}
		}
	}
}

// A graph that is one large strongly connected component goes to power
// iteration; a component that does not settle within the iteration limit
// is reported.
func TestPageRankCondensedFallback(t *testing.T) {
	g := randomDigraph(200, 1000, 0, 5)
	if _, ok, _ := pageRankCondensed(g, inverseOutDegrees(g), defaultConfig()); ok {
		t.Error("a random digraph (one giant component) was solved by condensation")
	}
	cyc := withCycles(citationGraph(400, 8, 9), 9)
	c := defaultConfig()
	c.maxIter = 1
	if _, ok, err := pageRankCondensed(cyc, inverseOutDegrees(cyc), c); !ok || !errors.Is(err, ErrNotConverged) {
		t.Errorf("one sweep per component: ok %v, err %v; want ErrNotConverged", ok, err)
	}
}
