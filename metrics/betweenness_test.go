package metrics

import (
	"math"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/graph/network"

	"github.com/citegraph/citegraph/graph"
)

func TestBetweennessHandComputed(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    *graph.Directed
		want []float64
	}{
		{"empty", digraph(0), []float64{}},
		{"no edges", digraph(3), []float64{0, 0, 0}},
		// 0→1→2→3: 1 is inside (0,2) and (0,3), 2 inside (0,3) and (1,3).
		{"path", digraph(4, [2]int32{0, 1}, [2]int32{1, 2}, [2]int32{2, 3}), []float64{0, 2, 2, 0}},
		// Self-loops change nothing.
		{"path with self-loops", digraph(4, [2]int32{0, 1}, [2]int32{1, 1}, [2]int32{1, 2}, [2]int32{2, 3}, [2]int32{3, 3}), []float64{0, 2, 2, 0}},
		// Directed 3-cycle: each node is on the one path between its
		// predecessor and successor.
		{"3-cycle", digraph(3, [2]int32{0, 1}, [2]int32{1, 2}, [2]int32{2, 0}), []float64{1, 1, 1}},
		// Diamond 0→{1,2}→3: two shortest paths 0⇝3, half through each.
		{"diamond", digraph(4, [2]int32{0, 1}, [2]int32{0, 2}, [2]int32{1, 3}, [2]int32{2, 3}), []float64{0, 0.5, 0.5, 0}},
		// Out-star: no paths of length 2.
		{"out-star", digraph(4, [2]int32{0, 1}, [2]int32{0, 2}, [2]int32{0, 3}), []float64{0, 0, 0, 0}},
		// Leaves 1..3 reach each other only through hub 0: 3·2 ordered pairs.
		{"bidirected star", digraph(4, [2]int32{0, 1}, [2]int32{1, 0}, [2]int32{0, 2}, [2]int32{2, 0}, [2]int32{0, 3}, [2]int32{3, 0}), []float64{6, 0, 0, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkSlice(t, "betweenness", Betweenness(tc.g), tc.want, 1e-12, 1e-12)
		})
	}
}

func TestBetweennessNetworkX(t *testing.T) {
	gd := loadNXGolden(t)
	checkSlice(t, "betweenness", Betweenness(gd.g), gd.betweenness, 1e-9, 1e-12)
}

// gonum's Betweenness counts ordered pairs on a directed graph too.
func TestBetweennessGonum(t *testing.T) {
	for _, tc := range []struct{ n, m int }{{50, 150}, {200, 600}, {500, 2500}} {
		g := randomDigraph(tc.n, tc.m, 4, uint64(tc.n)+20)
		want := fromMap(tc.n, network.Betweenness(g))
		checkSlice(t, "betweenness", Betweenness(g), want, 1e-9, 1e-9)
	}
}

func TestBetweennessDeterministic(t *testing.T) {
	g := citationGraph(600, 8, 3)
	a, b := Betweenness(g), Betweenness(g)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("node %d: %.17g then %.17g", i, a[i], b[i])
		}
	}
	prev := runtime.GOMAXPROCS(1)
	serial := Betweenness(g)
	runtime.GOMAXPROCS(prev)
	// Only the summation order differs.
	checkSlice(t, "serial", serial, a, 1e-12, 1e-9)
}

func TestBetweennessSampled(t *testing.T) {
	g := randomDigraph(200, 800, 0, 11)
	n := g.Order()
	exact := Betweenness(g)

	t.Run("all pivots is exact", func(t *testing.T) {
		for _, k := range []int{n, n + 5} {
			got := BetweennessSampled(g, k, 1)
			for i := range exact {
				if got[i] != exact[i] {
					t.Fatalf("k=%d node %d: %v, want %v", k, i, got[i], exact[i])
				}
			}
		}
	})

	t.Run("seeded", func(t *testing.T) {
		a, b, c := BetweennessSampled(g, 20, 42), BetweennessSampled(g, 20, 42), BetweennessSampled(g, 20, 43)
		same := true
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("same seed, node %d: %v then %v", i, a[i], b[i])
			}
			same = same && a[i] == c[i]
		}
		if same {
			t.Error("seeds 42 and 43 gave the same estimate")
		}
	})

	// Unbiasedness: the mean of many independent estimates lies within 5
	// standard errors of the exact value at every node.
	t.Run("unbiased", func(t *testing.T) {
		const runs, k = 400, 25
		sum := make([]float64, n)
		sum2 := make([]float64, n)
		for s := range uint64(runs) {
			for i, x := range BetweennessSampled(g, k, s) {
				sum[i] += x
				sum2[i] += x * x
			}
		}
		for i := range exact {
			mean := sum[i] / runs
			sd := math.Sqrt(max(0, sum2[i]/runs-mean*mean))
			se := sd / math.Sqrt(runs)
			if math.Abs(mean-exact[i]) > 5*se+1e-9 {
				t.Errorf("node %d: mean %v, exact %v, standard error %v", i, mean, exact[i], se)
			}
		}
	})

	// The documented Hoeffding bound with δ = 1e-3.
	t.Run("error bound", func(t *testing.T) {
		const k, delta = 50, 1e-3
		eps := math.Sqrt((math.Log(2*float64(n)) + math.Log(1/delta)) / (2 * k))
		bound := eps * float64(n) * float64(n-1)
		worst := 0.0
		for s := range uint64(20) {
			for i, x := range BetweennessSampled(g, k, 1000+s) {
				worst = max(worst, math.Abs(x-exact[i]))
			}
		}
		if worst > bound {
			t.Errorf("worst error %v exceeds bound %v", worst, bound)
		}
		t.Logf("worst error %.1f, bound %.1f (max exact %.1f)", worst, bound, maxOf(exact))
	})
}

func maxOf(xs []float64) float64 {
	m := math.Inf(-1)
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func TestBetweennessSampledPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("samples = 0 did not panic")
		}
	}()
	BetweennessSampled(digraph(3), 0, 1)
}

// TestBetweennessWithin: on a directed chain, where C_B(i) = i(n−1−i), a
// budget that pays for every source gives the exact scores, and a small one
// an estimate from fewer pivots that keeps within its error bound.
func TestBetweennessWithin(t *testing.T) {
	const n = 3000
	var edges []graph.Edge
	for i := 0; i+1 < n; i++ {
		edges = append(edges, graph.Edge{From: int32(i), To: int32(i + 1)})
	}
	g := graph.NewDirected(n, edges)
	exact := func(i int) float64 { return float64(i * (n - 1 - i)) }
	cb, k := BetweennessWithin(g, 2*n*n, 1)
	if k != 0 {
		t.Fatalf("a budget of 2n² arc scans: %d pivots, want exact", k)
	}
	for i, x := range cb {
		if x != exact(i) {
			t.Fatalf("C_B(%d) = %v, want %v", i, x, exact(i))
		}
	}
	cb, k = BetweennessWithin(g, 1_000_000, 1)
	if k < betweennessProbe || k >= n/2 {
		t.Fatalf("a budget of 10⁶ arc scans on a chain of %d: %d pivots", n, k)
	}
	eps := PivotError(n, k, 0.01)
	for i, x := range cb {
		if math.Abs(x-exact(i)) > eps*n*(n-1) {
			t.Fatalf("C_B(%d) ≈ %v, exact %v: outside ±%v", i, x, exact(i), eps*n*(n-1))
		}
	}
}

// TestBrandesSinksBitIdentical: the dependencies of every source are the
// same to the bit as the textbook pass that visits every reached node
// (sinks included) in reverse BFS order, on graphs shaped like citation
// data: a few records citing many works that cite nothing, and each other.
func TestBrandesSinksBitIdentical(t *testing.T) {
	for _, tc := range []struct{ n, records, cites int }{{40, 5, 8}, {2000, 30, 120}, {3000, 200, 40}} {
		r := newRand(uint64(tc.n))
		var es []graph.Edge
		for u := range tc.records {
			for range tc.cites {
				es = append(es, graph.Edge{From: int32(u), To: int32(r.IntN(tc.n))})
			}
		}
		g := graph.NewDirected(tc.n, es)
		b := newBrandesWorker(g)
		want := make([]float64, tc.n)
		for s := range tc.n {
			b.source(s)
			textbookDependencies(g, s, want)
		}
		for v := range want {
			if math.Float64bits(b.cb[v]) != math.Float64bits(want[v]) {
				t.Fatalf("n=%d: node %d: %.17g, textbook %.17g", tc.n, v, b.cb[v], want[v])
			}
		}
	}
}

// textbookDependencies adds the dependencies of source s to cb: Brandes'
// BFS, then every reached node but s in reverse BFS order.
func textbookDependencies(g *graph.Directed, s int, cb []float64) {
	n := g.Order()
	dist, sigma, share := make([]int32, n), make([]float64, n), make([]float64, n)
	for i := range dist {
		dist[i] = -1
	}
	dist[s], sigma[s] = 0, 1
	q := []int32{int32(s)}
	for head := 0; head < len(q); head++ {
		v := q[head]
		for _, w := range g.Out(int(v)) {
			if dist[w] < 0 {
				dist[w] = dist[v] + 1
				sigma[w] = sigma[v]
				q = append(q, w)
			} else if dist[w] == dist[v]+1 {
				sigma[w] += sigma[v]
			}
		}
	}
	for i := len(q) - 1; i > 0; i-- {
		w := q[i]
		d := 0.0
		for _, v := range g.Out(int(w)) {
			if dist[v] == dist[w]+1 {
				d += share[v]
			}
		}
		dep := sigma[w] * d
		cb[w] += dep
		share[w] = (1 + dep) / sigma[w]
	}
}
