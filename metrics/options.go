package metrics

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// ErrNotConverged is returned (wrapped) by the power iterations when they hit
// their iteration limit before the tolerance; the scores returned with it are
// the last iterate.
var ErrNotConverged = errors.New("metrics: power iteration did not converge")

// Option tunes the power iterations of PageRank and HITS.
type Option func(*config)

type config struct {
	damping float64
	tol     float64
	maxIter int
}

func defaultConfig() config {
	return config{damping: 0.85, tol: 1e-12, maxIter: 1000}
}

// WithDamping sets PageRank's damping factor α (default 0.85): the
// probability that the random surfer follows a link rather than teleporting.
// HITS ignores it.
func WithDamping(alpha float64) Option { return func(c *config) { c.damping = alpha } }

// WithTolerance sets the convergence threshold (default 1e-12): iteration
// stops when the L1 norm of the change of the score vector (which sums to 1)
// falls below tol. Unlike NetworkX, the threshold is not multiplied by the
// number of nodes, so accuracy does not loosen as graphs grow.
func WithTolerance(tol float64) Option { return func(c *config) { c.tol = tol } }

// WithMaxIterations bounds the number of iterations (default 1000).
func WithMaxIterations(n int) Option { return func(c *config) { c.maxIter = n } }

func buildConfig(opts []Option) (config, error) {
	c := defaultConfig()
	for _, o := range opts {
		o(&c)
	}
	switch {
	case !(c.damping >= 0 && c.damping <= 1):
		return c, fmt.Errorf("metrics: damping %v outside [0, 1]", c.damping)
	case !(c.tol > 0):
		return c, fmt.Errorf("metrics: tolerance %v not positive", c.tol)
	case c.maxIter < 1:
		return c, fmt.Errorf("metrics: max iterations %d < 1", c.maxIter)
	}
	return c, nil
}

// blockSize is the grain of the parallel vector loops. Partial sums are kept
// per block and added in block order, so results do not depend on the number
// of workers or on scheduling.
const blockSize = 4096

// parallelThreshold is the order below which vector loops run serially.
const parallelThreshold = 4 * blockSize

func numBlocks(n int) int { return (n + blockSize - 1) / blockSize }

// forBlocks calls f(b, lo, hi) for every block [lo, hi) of 0..n-1, on up to
// GOMAXPROCS goroutines for large n.
func forBlocks(n int, f func(b, lo, hi int)) {
	nb := numBlocks(n)
	workers := runtime.GOMAXPROCS(0)
	if n < parallelThreshold || workers < 2 {
		for b := 0; b < nb; b++ {
			f(b, b*blockSize, min((b+1)*blockSize, n))
		}
		return
	}
	workers = min(workers, nb)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				b := int(next.Add(1) - 1)
				if b >= nb {
					return
				}
				f(b, b*blockSize, min((b+1)*blockSize, n))
			}
		})
	}
	wg.Wait()
}

// sumOrdered adds xs left to right.
func sumOrdered(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
