package metrics

import (
	"testing"

	"gonum.org/v1/gonum/graph/topo"
)

// TestSCCAgainstGonum checks sccTopo's components, their order and Cycles
// against gonum's Tarjan on seeded random digraphs, sparse (mostly
// acyclic, most nodes alone) to dense (one giant component).
func TestSCCAgainstGonum(t *testing.T) {
	for _, tc := range []struct{ n, m, loops int }{
		{1, 0, 0}, {2, 1, 1}, {30, 20, 2}, {200, 150, 5}, {200, 260, 0}, {500, 2000, 10}, {2000, 2600, 3},
	} {
		for seed := uint64(1); seed <= 5; seed++ {
			g := randomDigraph(tc.n, tc.m, tc.loops, seed)
			comp, nc := sccTopo(g)
			want := topo.TarjanSCC(g)
			if nc != len(want) {
				t.Fatalf("n=%d m=%d seed %d: %d components, gonum %d", tc.n, tc.m, seed, nc, len(want))
			}
			cycles := 0
			for _, scc := range want {
				c := comp[scc[0].ID()]
				for _, v := range scc {
					if comp[v.ID()] != c {
						t.Fatalf("n=%d m=%d seed %d: nodes %d and %d are one component for gonum, not for sccTopo", tc.n, tc.m, seed, scc[0].ID(), v.ID())
					}
				}
				if len(scc) > 1 {
					cycles++
				}
			}
			if got := Cycles(g); got != cycles {
				t.Errorf("n=%d m=%d seed %d: Cycles = %d, gonum's components of more than one node %d", tc.n, tc.m, seed, got, cycles)
			}
			// The labels are a topological order, cited before citing.
			for _, e := range g.Edges() {
				if comp[e.To] > comp[e.From] {
					t.Fatalf("n=%d m=%d seed %d: edge %d→%d goes from component %d to later %d", tc.n, tc.m, seed, e.From, e.To, comp[e.From], comp[e.To])
				}
			}
		}
	}
}

// TestCyclesSmall: two cycles (0⇄1, 2→3→4→2), a self-citation and a chain.
func TestCyclesSmall(t *testing.T) {
	g := digraph(8, [2]int32{0, 1}, [2]int32{1, 0}, [2]int32{2, 3}, [2]int32{3, 4}, [2]int32{4, 2}, [2]int32{5, 5}, [2]int32{5, 6}, [2]int32{6, 7}, [2]int32{1, 2})
	if got := Cycles(g); got != 2 {
		t.Errorf("Cycles = %d, want 2", got)
	}
	comp, nc := sccTopo(g)
	if nc != 5 || comp[1] != comp[0] || comp[3] != comp[2] || comp[4] != comp[2] || comp[0] == comp[2] {
		t.Errorf("components %v (%d)", comp, nc)
	}
}
