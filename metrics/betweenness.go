package metrics

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sync"

	"github.com/citegraph/citegraph/graph"
)

// Betweenness returns the shortest-path betweenness of every node of g,
//
//	C_B(v) = Σ_{s≠v≠t} σ_st(v) / σ_st,
//
// over ordered pairs (s, t), where σ_st is the number of shortest directed
// paths from s to t and σ_st(v) the number passing through v. Edges are
// unweighted and self-loops take no part. The counts are raw, as
// networkx.betweenness_centrality(G, normalized=False) on a DiGraph and
// gonum's network.Betweenness; divide by (n−1)(n−2) to normalise.
//
// It runs Brandes' algorithm (Brandes 2001, "A faster algorithm for
// betweenness centrality", doi:10.1080/0022250X.2001.9990249): a BFS from
// every source s counting σ_s·, then dependencies
// δ_s(v) = Σ_{w: v∈P_s(w)} σ_sv/σ_sw (1 + δ_s(w)) accumulated in order of
// decreasing distance, in O(nm) time and O(n) space per worker.
//
// Sources are split statically over runtime.GOMAXPROCS(0) workers (worker w
// takes sources w, w+k, w+2k, …), each accumulating into its own slice; the
// slices are added in worker order. The result is therefore bit-identical
// from run to run at a given GOMAXPROCS (and equal to within rounding across
// different GOMAXPROCS).
func Betweenness(g *graph.Directed) []float64 {
	n := g.Order()
	sources := make([]int32, n)
	for i := range sources {
		sources[i] = int32(i)
	}
	return brandes(g, sources, 1)
}

// BetweennessSampled estimates Betweenness from a sample of source pivots
// (Brandes & Pich 2007, "Centrality estimation in large networks",
// doi:10.1142/S0218127407018403): k = samples distinct pivots S are drawn
// uniformly at random (without replacement, from a PCG generator seeded with
// seed), Brandes' single-source dependencies are computed from each, and
//
//	Ĉ_B(v) = (n/k) Σ_{s∈S} δ_s(v),
//
// an unbiased estimator of C_B(v), costing O(km) instead of O(nm). If
// samples ≥ n it returns the exact Betweenness. It panics if samples < 1.
//
// Error bound: each term δ_s(v)/(n−1) lies in [0, 1] and has mean
// C_B(v)/(n(n−1)), so by Hoeffding's inequality (which also holds for
// sampling without replacement) and a union bound over the n nodes,
//
//	k ≥ (ln(2n) + ln(1/δ)) / (2ε²)
//
// pivots give |Ĉ_B(v) − C_B(v)| ≤ ε·n(n−1) for every v at once with
// probability at least 1−δ. Riondato & Kornaropoulos (2016, "Fast
// approximation of betweenness centrality through sampling", Data Min.
// Knowl. Disc. 30(2), doi:10.1007/s10618-015-0423-0) use this bound for the
// pivot estimator when comparing it with their shortest-path sampler, whose
// sample size depends on the vertex diameter instead of ln n.
//
// Work is split over workers as in Betweenness, so the result is
// reproducible for a given seed and GOMAXPROCS.
func BetweennessSampled(g *graph.Directed, samples int, seed uint64) []float64 {
	if samples < 1 {
		panic("metrics: BetweennessSampled needs samples >= 1")
	}
	n := g.Order()
	if samples >= n {
		return Betweenness(g)
	}
	return brandes(g, pivots(n, samples, seed), float64(n)/float64(samples))
}

// PivotError is the ε of BetweennessSampled's error bound: with k pivots
// among n nodes, every estimate is within ε·n(n−1) of the exact score with
// probability at least 1−δ, ε = √((ln 2n + ln 1/δ) / 2k).
func PivotError(n, k int, delta float64) float64 {
	return math.Sqrt((math.Log(2*float64(n)) + math.Log(1/delta)) / (2 * float64(k)))
}

// pivots is a uniform sample of k of the nodes 0..n-1, without
// replacement: the first k of a partial Fisher–Yates shuffle by a PCG
// generator seeded with seed. A larger k extends a smaller one's sample.
func pivots(n, k int, seed uint64) []int32 {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	perm := make([]int32, n)
	for i := range perm {
		perm[i] = int32(i)
	}
	for i := 0; i < k; i++ {
		j := i + rng.IntN(n-i)
		perm[i], perm[j] = perm[j], perm[i]
	}
	return perm[:k]
}

// BetweennessWithin is Betweenness when it costs at most work arc scans,
// and otherwise BetweennessSampled from as many pivots as work pays for
// (but at least betweennessProbe). The cost is estimated from the
// breadth-first searches of betweennessProbe seeded random sources: Brandes'
// algorithm scans the out-arcs of every node a source reaches twice (the
// search, then the dependencies), so from all sources it costs about n
// times twice the mean of the arcs they reach. It returns the scores and
// the number of pivots, 0 when the scores are exact.
//
// A chain of 200,000 works, whose exact betweenness scans 2·10¹⁰ arcs,
// takes seconds this way instead of minutes; citation graphs of exports,
// where most works cite nothing and a record reaches a few thousand, stay
// exact. See BetweennessSampled for the estimator's error bound.
func BetweennessWithin(g *graph.Directed, work int64, seed uint64) ([]float64, int) {
	n := g.Order()
	if n <= betweennessProbe {
		return Betweenness(g), 0
	}
	probe := pivots(n, betweennessProbe, seed)
	off, adj := g.CSR()
	seen := make([]bool, n)
	var queue []int32
	var scans int64
	for _, s := range probe {
		queue = append(queue[:0], s)
		seen[s] = true
		for head := 0; head < len(queue); head++ {
			v := queue[head]
			scans += off[v+1] - off[v]
			for _, w := range adj[off[v]:off[v+1]] {
				if !seen[w] {
					seen[w] = true
					queue = append(queue, w)
				}
			}
		}
		for _, v := range queue {
			seen[v] = false
		}
	}
	perSource := 2 * float64(scans) / betweennessProbe
	if perSource*float64(n) <= float64(work) {
		return Betweenness(g), 0
	}
	k := max(betweennessProbe, int(float64(work)/max(perSource, 1)))
	return BetweennessSampled(g, k, seed), k
}

// betweennessProbe is the number of sources BetweennessWithin searches
// from to estimate the cost of exact betweenness, and its fewest pivots.
const betweennessProbe = 256

// brandes sums the dependencies of the given sources, multiplied by scale.
func brandes(g *graph.Directed, sources []int32, scale float64) []float64 {
	n := g.Order()
	cb := make([]float64, n)
	if n == 0 || len(sources) == 0 {
		return cb
	}
	k := min(runtime.GOMAXPROCS(0), len(sources))
	acc := make([][]float64, k)
	var wg sync.WaitGroup
	for w := range k {
		wg.Go(func() {
			b := newBrandesWorker(g)
			for i := w; i < len(sources); i += k {
				b.source(int(sources[i]))
			}
			acc[w] = b.cb
		})
	}
	wg.Wait()
	for _, a := range acc {
		for v, x := range a {
			cb[v] += x
		}
	}
	if scale != 1 {
		for v := range cb {
			cb[v] *= scale
		}
	}
	return cb
}

// brandesWorker holds one worker's buffers. A node's distance, path count
// and dependency sit together in one brandesNode, so that visiting an arc
// touches one cache line, not three. They are reset after each source for
// the nodes it reached only.
type brandesWorker struct {
	off   []int64
	adj   []int32
	node  []brandesNode
	queue []int32 // BFS order of the source and the nodes that are no sinks, read backwards as the stack
	sinks []int32 // the sinks reached
	cb    []float64
}

type brandesNode struct {
	dist  int32   // from the source; -1 unreached
	sink  bool    // no arcs out, as most cited works
	sigma float64 // shortest paths from the source
	delta float64 // (1 + δ)/σ once the node's dependency δ is known
}

func newBrandesWorker(g *graph.Directed) *brandesWorker {
	n := g.Order()
	off, adj := g.CSR()
	b := &brandesWorker{
		off: off, adj: adj,
		node:  make([]brandesNode, n),
		queue: make([]int32, n),
		cb:    make([]float64, n),
	}
	for i := range b.node {
		b.node[i] = brandesNode{dist: -1, sink: off[i+1] == off[i]}
	}
	return b
}

// source adds the dependencies δ_s(v), v ≠ s, of one source to b.cb.
//
// A sink's dependency is 0 and its share (1 + 0)/σ: sinks, most of the
// nodes a citing record reaches, are neither queued nor given a
// dependency, their share reckoned where it is used. The scores are the
// same to the bit as when every node reached is visited.
func (b *brandesWorker) source(s int) {
	off, adj, node, q := b.off, b.adj, b.node, b.queue
	q[0] = int32(s)
	node[s].dist = 0
	node[s].sigma = 1
	head, tail := 0, 1
	sinks := b.sinks[:0]
	for head < tail {
		v := q[head]
		head++
		dv := node[v].dist + 1
		sv := node[v].sigma
		for _, w := range adj[off[v]:off[v+1]] {
			nw := &node[w]
			if nw.dist < 0 {
				nw.dist = dv
				nw.sigma = sv
				if nw.sink {
					sinks = append(sinks, w)
				} else {
					q[tail] = w
					tail++
				}
			} else if nw.dist == dv {
				nw.sigma += sv
			}
		}
	}
	// Successor form of the dependency recursion: the nodes one level
	// further along shortest paths from w are the w→v with dist[v] = dist[w]+1.
	// Once w's dependency δ is known, delta holds (1 + δ)/σ_w, the share
	// each of its predecessors takes, so the division is done once per node,
	// not once per edge (but for sinks).
	for i := tail - 1; i > 0; i-- {
		w := q[i]
		nw := &node[w]
		dv := nw.dist + 1
		d := 0.0
		for _, v := range adj[off[w]:off[w+1]] {
			if nv := &node[v]; nv.dist == dv {
				if nv.sink {
					d += 1 / nv.sigma
				} else {
					d += nv.delta
				}
			}
		}
		dep := nw.sigma * d
		b.cb[w] += dep
		nw.delta = (1 + dep) / nw.sigma
	}
	for _, v := range q[:tail] {
		node[v].dist = -1
	}
	for _, v := range sinks {
		node[v].dist = -1
	}
	b.sinks = sinks
}
