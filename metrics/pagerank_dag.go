package metrics

import (
	"fmt"
	"math"

	"github.com/citegraph/citegraph/graph"
)

// PageRank on a citation graph, which is almost acyclic, needs no power
// iteration. Every node's score is x_v = b·z_v with one scalar
// b = (α Σ_{dangling} x_u + 1 − α)/n shared by all nodes, where
//
//	z_v = 1 + α Σ_{u→v} z_u / d⁺(u).
//
// In an acyclic graph z is computed in one pass in topological order (the
// citing works before the works they cite), and since the scores sum to 1,
// x = z / Σ z: exact, with no tolerance. In a graph with cycles the strongly
// connected components are taken in topological order of the condensation
// and z is iterated (Gauss–Seidel) inside each component with more than one
// node or a self-loop, until the L1 change of its normalised scores is below
// the tolerance. Citation graphs have few and small cycles, so this costs
// about one pass over the edges where power iteration takes seventy.
// PRPACK (Kurokawa, Gleich & Greif, github.com/dgleich/prpack), igraph's
// default PageRank solver, also solves component by component.

// condensedShare is the largest fraction of the nodes one strongly
// connected component may hold for pageRankCondensed to be used: beyond it
// (a web-like graph) the sequential sweeps inside the component lose to
// parallel power iteration.
const condensedShare = 0.5

// pageRankCondensed computes PageRank by condensation, or reports false if
// g has a component too large for it.
func pageRankCondensed(g *graph.Directed, invDeg []float64, c config) ([]float64, bool, error) {
	n := g.Order()
	comp, nc := sccTopo(g)
	// Nodes by component, the components in reverse label order: sccTopo
	// labels cited before citing, and scores flow from citing to cited.
	start := make([]int32, nc+1)
	for _, k := range comp {
		start[int32(nc)-k]++
	}
	largest := int32(0)
	for k := 1; k <= nc; k++ {
		largest = max(largest, start[k])
		start[k] += start[k-1]
	}
	if float64(largest) > condensedShare*float64(n) && largest > 1 {
		return nil, false, nil
	}
	order := make([]int32, n)
	fill := make([]int32, nc)
	copy(fill, start[:nc])
	for v, k := range comp {
		i := int32(nc) - 1 - k
		order[fill[i]] = int32(v)
		fill[i]++
	}

	alpha := c.damping
	inOff, inAdj := g.ReverseCSR()
	z := make([]float64, n)
	pull := func(v int32) float64 {
		s := 0.0
		for _, u := range inAdj[inOff[v]:inOff[v+1]] {
			s += z[u] * invDeg[u]
		}
		return 1 + alpha*s
	}
	// A sweep's change in z, divided by n (Σ z ≥ n), bounds its change in
	// the normalised scores.
	limit := c.tol * float64(n)
	var err error
	for k := 0; k < nc; k++ {
		members := order[start[k]:start[k+1]]
		if v := int64(members[0]); len(members) == 1 && !g.HasEdgeFromTo(v, v) {
			z[members[0]] = pull(members[0])
			continue
		}
		converged := false
		for sweep := 0; sweep < c.maxIter && !converged; sweep++ {
			change := 0.0
			for _, v := range members {
				next := pull(v)
				change += math.Abs(next - z[v])
				z[v] = next
			}
			converged = change < limit
		}
		if !converged && err == nil {
			err = fmt.Errorf("%w: PageRank inside a strongly connected component of %d nodes after %d iterations", ErrNotConverged, len(members), c.maxIter)
		}
	}
	normalise(z)
	return z, true, err
}
