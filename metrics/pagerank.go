package metrics

import (
	"fmt"

	"github.com/citegraph/citegraph/graph"
)

// PageRank returns the PageRank score of every node of g (Brin & Page 1998,
// "The anatomy of a large-scale hypertextual Web search engine",
// doi:10.1016/S0169-7552(98)00110-X), the stationary distribution of
//
//	x_v = α Σ_{u→v} x_u / d⁺(u) + α/n Σ_{u: d⁺(u)=0} x_u + (1−α)/n,
//
// where d⁺(u) is u's out-degree and α the damping factor (default 0.85, see
// WithDamping). Dangling nodes' mass is spread uniformly over all nodes and
// teleportation is uniform, so the scores sum to 1; a self-loop is an
// ordinary out-link. This is networkx.pagerank's convention, and gonum's
// network.PageRank's.
//
// A graph whose strongly connected components are all small, as citation
// graphs' are, is solved component by component in topological order
// (pagerank_dag.go): exactly where it is acyclic, by Gauss–Seidel sweeps
// inside each cycle-bearing component until the L1 change of its
// normalised scores is below the tolerance (default 1e-12, see
// WithTolerance), at most the iteration limit of sweeps per component.
//
// Otherwise power iteration from the uniform vector pulls over the
// in-adjacency (one pass over the edges per iteration, parallel over blocks
// of nodes for large graphs, deterministic) until the L1 change is below
// the tolerance. The iteration contracts by α in L1, so the result is then
// within α/(1−α)·tol of the limit in L1.
//
// If the iteration limit is reached first it returns the last iterate and
// an error wrapping ErrNotConverged. A graph with no nodes gives an empty
// slice.
func PageRank(g *graph.Directed, opts ...Option) ([]float64, error) {
	c, err := buildConfig(opts)
	if err != nil {
		return nil, err
	}
	n := g.Order()
	if n == 0 {
		return []float64{}, nil
	}
	invDeg := inverseOutDegrees(g)
	if x, ok, err := pageRankCondensed(g, invDeg, c); ok {
		return x, err
	}
	return pageRankPower(g, invDeg, c)
}

// inverseOutDegrees returns 1/d⁺(u) for every node u, 0 for dangling u.
func inverseOutDegrees(g *graph.Directed) []float64 {
	outOff, _ := g.CSR()
	invDeg := make([]float64, g.Order())
	for u := range invDeg {
		if d := outOff[u+1] - outOff[u]; d > 0 {
			invDeg[u] = 1 / float64(d)
		}
	}
	return invDeg
}

// pageRankPower is PageRank by power iteration.
func pageRankPower(g *graph.Directed, invDeg []float64, c config) ([]float64, error) {
	n := g.Order()
	alpha := c.damping
	inOff, inAdj := g.ReverseCSR()
	var dangling []int32
	for u, d := range invDeg {
		if d == 0 {
			dangling = append(dangling, int32(u))
		}
	}

	x := make([]float64, n)
	next := make([]float64, n)
	share := make([]float64, n) // x_u / d⁺(u)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	blockErr := make([]float64, numBlocks(n))
	nf := float64(n)
	for iter := 1; iter <= c.maxIter; iter++ {
		dsum := 0.0
		for _, u := range dangling {
			dsum += x[u]
		}
		base := (alpha*dsum + (1 - alpha)) / nf
		forBlocks(n, func(_, lo, hi int) {
			for u := lo; u < hi; u++ {
				share[u] = x[u] * invDeg[u]
			}
		})
		forBlocks(n, func(b, lo, hi int) {
			e := 0.0
			for v := lo; v < hi; v++ {
				s := 0.0
				for _, u := range inAdj[inOff[v]:inOff[v+1]] {
					s += share[u]
				}
				xv := alpha*s + base
				d := xv - x[v]
				if d < 0 {
					d = -d
				}
				e += d
				next[v] = xv
			}
			blockErr[b] = e
		})
		x, next = next, x
		if sumOrdered(blockErr) < c.tol {
			normalise(x)
			return x, nil
		}
	}
	normalise(x)
	return x, fmt.Errorf("%w: PageRank after %d iterations", ErrNotConverged, c.maxIter)
}

// normalise scales x to sum to 1 (when its sum is positive).
func normalise(x []float64) {
	s := sumOrdered(x)
	if s > 0 {
		for i := range x {
			x[i] /= s
		}
	}
}
