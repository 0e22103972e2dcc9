package metrics

import (
	"fmt"

	"github.com/citegraph/citegraph/graph"
)

// HITS returns Kleinberg's hub and authority scores of every node of g
// (Kleinberg 1999, "Authoritative sources in a hyperlinked environment",
// doi:10.1145/324133.324140): the principal eigenvectors
//
//	a ∝ Aᵀh,  h ∝ A a   (so a is the top eigenvector of AᵀA, h of AAᵀ),
//
// with A_uv = 1 when u cites v, each scaled to sum to 1 as
// networkx.hits(normalized=True) does. A self-loop is an ordinary link.
//
// Power iteration from the uniform hub vector alternates a = Aᵀh and h = A a
// over the in- and out-adjacency, normalising both to sum 1, until the L1
// change of each is below the tolerance (default 1e-12, see WithTolerance;
// damping is ignored). If the iteration limit (default 1000) is reached first
// it returns the last iterate and an error wrapping ErrNotConverged. The
// iteration contracts by r = (σ₂/σ₁)² per step (σ the singular values of A),
// so the distance to the limit is about r/(1−r) times the last change:
// tighten the tolerance for graphs whose top singular values are close.
//
// When the principal eigenvalue is repeated (for instance two identical
// disconnected components), the limit is the projection of the uniform start
// on that eigenspace, which differs from NetworkX's ARPACK answer. A graph
// with nodes but no edges has every score zero before normalisation; HITS
// then gives every node 1/n for both (NetworkX divides by zero there). A
// graph with no nodes gives empty slices.
func HITS(g *graph.Directed, opts ...Option) (hubs, authorities []float64, err error) {
	c, err := buildConfig(opts)
	if err != nil {
		return nil, nil, err
	}
	n := g.Order()
	if n == 0 {
		return []float64{}, []float64{}, nil
	}
	h := make([]float64, n)
	a := make([]float64, n)
	if g.Size() == 0 {
		for i := range h {
			h[i] = 1 / float64(n)
			a[i] = 1 / float64(n)
		}
		return h, a, nil
	}
	outOff, outAdj := g.CSR()
	inOff, inAdj := g.ReverseCSR()
	for i := range h {
		h[i] = 1 / float64(n)
	}
	nb := numBlocks(n)
	partial := make([]float64, nb)
	blockErr := make([]float64, nb)

	aNext := make([]float64, n)
	hNext := make([]float64, n)
	for iter := 1; iter <= c.maxIter; iter++ {
		multiply(n, aNext, h, inOff, inAdj, partial)
		scale(n, aNext, sumOrdered(partial))
		multiply(n, hNext, aNext, outOff, outAdj, partial)
		scale(n, hNext, sumOrdered(partial))
		ea := l1Diff(n, aNext, a, blockErr)
		eh := l1Diff(n, hNext, h, blockErr)
		a, aNext = aNext, a
		h, hNext = hNext, h
		if ea < c.tol && eh < c.tol {
			return h, a, nil
		}
	}
	return h, a, fmt.Errorf("%w: HITS after %d iterations", ErrNotConverged, c.maxIter)
}

// multiply sets dst[v] = Σ src[u] over the CSR row of v and leaves the block
// sums of dst in partial.
func multiply(n int, dst, src []float64, off []int64, adj []int32, partial []float64) {
	forBlocks(n, func(b, lo, hi int) {
		s := 0.0
		for v := lo; v < hi; v++ {
			t := 0.0
			for _, u := range adj[off[v]:off[v+1]] {
				t += src[u]
			}
			dst[v] = t
			s += t
		}
		partial[b] = s
	})
}

// scale divides x by sum.
func scale(n int, x []float64, sum float64) {
	inv := 1 / sum
	forBlocks(n, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			x[i] *= inv
		}
	})
}

// l1Diff returns Σ|x−y| summed in block order.
func l1Diff(n int, x, y, blockErr []float64) float64 {
	forBlocks(n, func(b, lo, hi int) {
		e := 0.0
		for i := lo; i < hi; i++ {
			d := x[i] - y[i]
			if d < 0 {
				d = -d
			}
			e += d
		}
		blockErr[b] = e
	})
	return sumOrdered(blockErr)
}
