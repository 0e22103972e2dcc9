package metrics

import (
	"errors"
	"testing"

	"gonum.org/v1/gonum/graph/network"

	"github.com/citegraph/citegraph/graph"
)

func TestHITSHandComputed(t *testing.T) {
	q := 1.0 / 4
	for _, tc := range []struct {
		name       string
		g          *graph.Directed
		hubs, auth []float64
	}{
		{"empty", digraph(0), []float64{}, []float64{}},
		{"no edges is uniform", digraph(4), []float64{q, q, q, q}, []float64{q, q, q, q}},
		{"one edge", digraph(2, [2]int32{0, 1}), []float64{1, 0}, []float64{0, 1}},
		{"out-star", digraph(4, [2]int32{0, 1}, [2]int32{0, 2}, [2]int32{0, 3}),
			[]float64{1, 0, 0, 0}, []float64{0, 1.0 / 3, 1.0 / 3, 1.0 / 3}},
		// 0 and 1 both cite 2 and 3, and 1 also cites 4:
		// A Aᵀ = [[2,2],[2,3]] over hubs {0,1}, top eigenvalue (5+√17)/2
		// with eigenvector (2, (1+√17)/2); a = Aᵀh.
		{"bipartite", digraph(5, [2]int32{0, 2}, [2]int32{0, 3}, [2]int32{1, 2}, [2]int32{1, 3}, [2]int32{1, 4}),
			hubsBip(), authBip()},
		// On a directed cycle every node is equally hub and authority.
		{"4-cycle", digraph(4, [2]int32{0, 1}, [2]int32{1, 2}, [2]int32{2, 3}, [2]int32{3, 0}),
			[]float64{q, q, q, q}, []float64{q, q, q, q}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, a, err := HITS(tc.g)
			if err != nil {
				t.Fatal(err)
			}
			checkSlice(t, "hubs", h, tc.hubs, 1e-12, 1e-15)
			checkSlice(t, "authorities", a, tc.auth, 1e-12, 1e-15)
		})
	}
}

func hubsBip() []float64 {
	h0, h1 := 2.0, (1+sqrt17)/2
	s := h0 + h1
	return []float64{h0 / s, h1 / s, 0, 0, 0}
}

func authBip() []float64 {
	h0, h1 := 2.0, (1+sqrt17)/2
	a := []float64{0, 0, h0 + h1, h0 + h1, h1}
	s := a[2] + a[3] + a[4]
	for i := range a {
		a[i] /= s
	}
	return a
}

const sqrt17 = 4.1231056256176605498

func TestHITSNetworkX(t *testing.T) {
	gd := loadNXGolden(t)
	h, a, err := HITS(gd.g)
	if err != nil {
		t.Fatal(err)
	}
	// networkx (ARPACK svds) leaves ~1e-17 where the exact value is 0.
	checkSlice(t, "hubs", h, gd.hub, 1e-9, 1e-15)
	checkSlice(t, "authorities", a, gd.auth, 1e-9, 1e-15)
}

// gonum's HITS scales to unit 2-norm; rescaled to sum 1 it must agree.
func TestHITSGonum(t *testing.T) {
	for _, tc := range []struct{ n, m int }{{50, 250}, {200, 1000}, {500, 2000}} {
		g := randomDigraph(tc.n, tc.m, 2, uint64(tc.n)+10)
		ref := network.HITS(g, 1e-14)
		wh, wa := make([]float64, tc.n), make([]float64, tc.n)
		for id, ha := range ref {
			wh[id], wa[id] = ha.Hub, ha.Authority
		}
		normalise(wh)
		normalise(wa)
		h, a, err := HITS(g)
		if err != nil {
			t.Fatal(err)
		}
		checkSlice(t, "hubs", h, wh, 1e-9, 1e-15)
		checkSlice(t, "authorities", a, wa, 1e-9, 1e-15)
	}
}

func TestHITSNotConverged(t *testing.T) {
	g := randomDigraph(100, 400, 0, 5)
	if _, _, err := HITS(g, WithMaxIterations(1)); !errors.Is(err, ErrNotConverged) {
		t.Errorf("err = %v, want ErrNotConverged", err)
	}
}
