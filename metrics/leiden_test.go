package metrics

import (
	"bufio"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib/reader"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/graph"
)

// ldGraph builds an undirected graph from a,b,w triples.
func ldGraph(n int, es ...[3]float64) *graph.Undirected {
	var edges []graph.WeightedEdge
	for _, e := range es {
		edges = append(edges, graph.WeightedEdge{A: int32(e[0]), B: int32(e[1]), Weight: e[2]})
	}
	return graph.NewUndirected(n, edges)
}

// ldKarate reads Zachary's karate club (networkx's weights); unit makes
// every weight 1.
func ldKarate(t testing.TB, unit bool) *graph.Undirected {
	t.Helper()
	f, err := os.Open("testdata/karate.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var es [][3]float64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 3 || strings.HasPrefix(fs[0], "#") {
			continue
		}
		var e [3]float64
		for i := range e {
			e[i], _ = strconv.ParseFloat(fs[i], 64)
		}
		if unit {
			e[2] = 1
		}
		es = append(es, e)
	}
	return ldGraph(34, es...)
}

// ldPlanted is a seeded planted-partition graph: blocks of the given sizes,
// edge probability pIn inside and pOut between, integer weights 1..maxW.
func ldPlanted(sizes []int, pIn, pOut float64, maxW int, seed uint64) *graph.Undirected {
	r := rand.New(rand.NewPCG(seed, 99))
	var block []int
	for b, s := range sizes {
		for range s {
			block = append(block, b)
		}
	}
	var es []graph.WeightedEdge
	for u := range block {
		for v := u + 1; v < len(block); v++ {
			p := pOut
			if block[u] == block[v] {
				p = pIn
			}
			if r.Float64() < p {
				es = append(es, graph.WeightedEdge{A: int32(u), B: int32(v), Weight: float64(1 + r.IntN(maxW))})
			}
		}
	}
	return graph.NewUndirected(len(block), es)
}

// ldWoSCoCitation is the co-citation network of the Web of Science sample.
func ldWoSCoCitation(t testing.TB) *graph.Undirected {
	t.Helper()
	f, err := os.Open("../testdata/exports/wos-bit-pattern-savedrecs.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rr, _, err := reader.NewReader("", f, "wos")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := reader.ReadAll(rr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return graph.CoCitation(graph.NewCorpus(resolve.Resolve(recs)).Citations, 2).Undirected
}

func leidenOf(t testing.TB, g *graph.Undirected, opts LeidenOptions) LeidenResult {
	t.Helper()
	r, err := Leiden(g, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestLeidenTwoTriangles(t *testing.T) {
	g := ldGraph(6, [3]float64{0, 1, 1}, [3]float64{1, 2, 1}, [3]float64{0, 2, 1},
		[3]float64{3, 4, 1}, [3]float64{4, 5, 1}, [3]float64{3, 5, 1}, [3]float64{2, 3, 1})
	want := []int{0, 0, 0, 1, 1, 1}
	for seed := range uint64(10) {
		opts := DefaultLeidenOptions()
		opts.Seed = seed
		r := leidenOf(t, g, opts)
		if !slices.Equal(r.Membership, want) || math.Abs(r.Q-5.0/14) > 1e-15 || r.Quality != r.Q {
			t.Fatalf("seed %d: %v Q=%v, want %v Q=5/14", seed, r.Membership, r.Q, want)
		}
		// CPM at γ = 0.5: the triangles give H = 2·(3 − 0.5·3) = 3, one
		// cluster 7 − 0.5·15 = −0.5, singletons 0.
		opts.Objective, opts.Resolution = CPMObjective, 0.5
		r = leidenOf(t, g, opts)
		if !slices.Equal(r.Membership, want) || r.Quality != 3 {
			t.Fatalf("CPM seed %d: %v H=%v, want %v H=3", seed, r.Membership, r.Quality, want)
		}
		// CPM at γ = 1.1 is above every density (a triangle has density 1):
		// singletons, H = 0.
		opts.Resolution = 1.1
		r = leidenOf(t, g, opts)
		if r.K() != 6 || r.Quality != 0 {
			t.Fatalf("CPM γ=1.1 seed %d: %v H=%v, want singletons", seed, r.Membership, r.Quality)
		}
	}
}

func TestCPMQualityHandComputed(t *testing.T) {
	g := ldGraph(4, [3]float64{0, 1, 2}, [3]float64{1, 2, 1}, [3]float64{2, 3, 3})
	// {0,1,2} holds weight 3 and 3 pairs; {3} nothing: H = 3 − 0.5·3.
	if h := CPMQuality(g, []int{0, 0, 0, 1}, 0.5, nil); h != 1.5 {
		t.Errorf("H = %v, want 1.5", h)
	}
	// Node weights 1,2,3,4: pairs in {0,1,2} weigh 1·2+1·3+2·3 = 11.
	if h := CPMQuality(g, []int{0, 0, 0, 1}, 0.5, []float64{1, 2, 3, 4}); h != 3-5.5 {
		t.Errorf("weighted H = %v, want −2.5", h)
	}
	// An unclustered node counts alone.
	if h := CPMQuality(g, []int{0, 0, -1, -1}, 1, nil); h != 1 {
		t.Errorf("H = %v, want 2 − 1", h)
	}
}

// TestLeidenKarateOptimum: the best modularity of the unweighted karate club
// is 0.4197896 (Brandes et al. 2008, four communities); Leiden reaches it
// from every seed.
func TestLeidenKarateOptimum(t *testing.T) {
	g := ldKarate(t, true)
	for seed := range uint64(20) {
		opts := DefaultLeidenOptions()
		opts.Seed = seed
		r := leidenOf(t, g, opts)
		if math.Abs(r.Q-0.4197896120973044) > 1e-12 || r.K() != 4 {
			t.Errorf("seed %d: Q = %.16g with %d clusters, want 0.4197896120973044 with 4", seed, r.Q, r.K())
		}
	}
}

// connectedClusters reports whether every cluster induces a connected subgraph.
func connectedClusters(g *graph.Undirected, membership []int) bool {
	seen := make([]bool, g.Order())
	first := map[int]bool{}
	for s := range membership {
		c := membership[s]
		if c < 0 || seen[s] {
			continue
		}
		if first[c] {
			return false // a second component of c
		}
		first[c] = true
		stack := []int{s}
		seen[s] = true
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			vs, _ := g.Neighbors(u)
			for _, v := range vs {
				if !seen[v] && membership[v] == c {
					seen[v] = true
					stack = append(stack, int(v))
				}
			}
		}
	}
	return true
}

// ldSweepGraphs are the graphs of the comparison with gonum's Louvain.
func ldSweepGraphs(t testing.TB) map[string]*graph.Undirected {
	return map[string]*graph.Undirected{
		"karate-weighted": ldKarate(t, false),
		"karate-unit":     ldKarate(t, true),
		"planted-4x50":    ldPlanted([]int{50, 50, 50, 50}, 0.15, 0.03, 3, 1),
		"planted-mixed":   ldPlanted([]int{10, 80, 30, 120, 60}, 0.1, 0.02, 1, 2),
		"wos-cocitation":  ldWoSCoCitation(t),
	}
}

// TestLeidenBeatsGonumLouvain: over a seed sweep, Leiden's modularity is
// never below that of gonum's Louvain with the same seed, and its clusters
// are connected (which Louvain does not guarantee).
func TestLeidenBeatsGonumLouvain(t *testing.T) {
	seeds := uint64(10)
	if testing.Short() {
		seeds = 3
	}
	for name, g := range ldSweepGraphs(t) {
		seeds := seeds
		if name == "wos-cocitation" {
			seeds = min(seeds, 4) // gonum takes over a second a run here
		}
		var sumL, sumG, minDiff float64
		minDiff = math.Inf(1)
		for seed := range seeds {
			opts := DefaultLeidenOptions()
			opts.Seed = seed
			r := leidenOf(t, g, opts)
			lg := LouvainGonum(g, 1, seed)
			if r.Q < lg.Q-1e-12 {
				t.Errorf("%s seed %d: Leiden Q = %.6f < gonum Louvain Q = %.6f", name, seed, r.Q, lg.Q)
			}
			if !connectedClusters(g, r.Membership) {
				t.Errorf("%s seed %d: a Leiden cluster is disconnected", name, seed)
			}
			if q := Modularity(g, r.Membership, 1); math.Abs(q-r.Q) > 1e-12 {
				t.Errorf("%s: reported Q %v, recomputed %v", name, r.Q, q)
			}
			sumL += r.Q
			sumG += lg.Q
			minDiff = min(minDiff, r.Q-lg.Q)
		}
		t.Logf("%-16s n=%4d m=%6d  mean Q Leiden %.6f  gonum Louvain %.6f  min(Leiden−gonum) %+.6f",
			name, g.Order(), g.Size(), sumL/float64(seeds), sumG/float64(seeds), minDiff)
	}
}

func TestLeidenDeterministicAndStarts(t *testing.T) {
	g := ldPlanted([]int{40, 60, 30, 70}, 0.08, 0.03, 2, 5)
	opts := DefaultLeidenOptions()
	opts.Seed = 7
	a, b := leidenOf(t, g, opts), leidenOf(t, g, opts)
	if !slices.Equal(a.Membership, b.Membership) {
		t.Fatal("same seed, different partitions")
	}
	opts.RandomStarts = 8
	c := leidenOf(t, g, opts)
	// The first start of a multi-start run is the single run: the best of
	// eight is at least as good.
	if c.Quality < a.Quality {
		t.Errorf("8 starts Q %v < 1 start Q %v", c.Quality, a.Quality)
	}
	d := leidenOf(t, g, opts)
	if !slices.Equal(c.Membership, d.Membership) {
		t.Error("parallel random starts are not deterministic")
	}
	opts.Iterations = 1
	if e := leidenOf(t, g, opts); e.Iterations != 1 {
		t.Errorf("%d iterations run, want 1", e.Iterations)
	}
}

// TestLeidenSmallClusters: a triangle, a pair and an isolated node. With a
// minimum size of 3 the pair merges into the triangle it links to, and the
// isolated node, linked to nothing, stays; dropping unclusters both.
func TestLeidenSmallClusters(t *testing.T) {
	g := ldGraph(6, [3]float64{0, 1, 5}, [3]float64{1, 2, 5}, [3]float64{0, 2, 5},
		[3]float64{3, 4, 5}, [3]float64{2, 3, 1})
	opts := DefaultLeidenOptions()
	r := leidenOf(t, g, opts)
	if want := []int{0, 0, 0, 1, 1, 2}; !slices.Equal(r.Membership, want) {
		t.Fatalf("membership %v, want %v", r.Membership, want)
	}
	opts.MinClusterSize = 3
	if r := leidenOf(t, g, opts); !slices.Equal(r.Membership, []int{0, 0, 0, 0, 0, 1}) {
		t.Errorf("merged: %v", r.Membership)
	}
	opts.SmallClusters = DropSmallClusters
	r = leidenOf(t, g, opts)
	if !slices.Equal(r.Membership, []int{0, 0, 0, -1, -1, -1}) || r.K() != 1 {
		t.Errorf("dropped: %v", r.Membership)
	}
	if want := Modularity(g, []int{0, 0, 0, 1, 2, 3}, 1); r.Q != want {
		t.Errorf("Q %v, want %v with dropped nodes as singletons", r.Q, want)
	}
}

// TestRemoveSmallClustersOrder: small clusters merge smallest first, each
// into the cluster of largest link weight per node weight.
func TestRemoveSmallClustersOrder(t *testing.T) {
	// Clusters A={0,1,2,3} (big), B={4,5} and C={6}. C links to A with
	// weight 2 and to B with weight 1.5; B's node weight is far smaller, so
	// C joins B (1.5/N_B > 2/N_A), then B∪C (3 nodes) is big enough.
	g := ldGraph(7, [3]float64{0, 1, 1}, [3]float64{1, 2, 1}, [3]float64{2, 3, 1}, [3]float64{0, 3, 1},
		[3]float64{4, 5, 1}, [3]float64{6, 0, 2}, [3]float64{6, 4, 1.5})
	lg, _, _ := newLeidenGraph(g, DefaultLeidenOptions())
	got := lg.removeSmallClusters([]int32{0, 0, 0, 0, 1, 1, 2}, 3, false)
	if want := []int32{0, 0, 0, 0, 1, 1, 1}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestLeidenRejectsBadInput(t *testing.T) {
	g := ldGraph(2, [3]float64{0, 1, 1})
	for _, mod := range []func(*LeidenOptions){
		func(o *LeidenOptions) { o.Resolution = -1 },
		func(o *LeidenOptions) { o.RandomStarts = 0 },
		func(o *LeidenOptions) { o.Randomness = 0 },
		func(o *LeidenOptions) { o.NodeWeights = []float64{1} },
		func(o *LeidenOptions) { o.Objective = 9 },
	} {
		opts := DefaultLeidenOptions()
		mod(&opts)
		if _, err := Leiden(g, opts); err == nil {
			t.Errorf("options %+v accepted", opts)
		}
	}
	if _, err := Leiden(ldGraph(2, [3]float64{0, 1, -1}), DefaultLeidenOptions()); err == nil {
		t.Error("negative weight accepted")
	}
	r := leidenOf(t, ldGraph(3), DefaultLeidenOptions())
	if r.K() != 3 || r.Q != 0 {
		t.Errorf("edgeless graph: %v Q=%v", r.Membership, r.Q)
	}
	if r := leidenOf(t, ldGraph(0), DefaultLeidenOptions()); len(r.Membership) != 0 {
		t.Error("empty graph")
	}
}

// ldLarge is a planted-partition graph of n nodes and about deg·n/2 edges
// (80% inside 1000 blocks), built in O(edges).
func ldLarge(n, deg int, seed uint64) *graph.Undirected {
	r := rand.New(rand.NewPCG(seed, 3))
	blocks := 1000
	size := n / blocks
	es := make([]graph.WeightedEdge, 0, n*deg/2)
	for u := 0; u < n; u++ {
		b := u / size
		for range deg / 2 {
			var v int
			if r.Float64() < 0.8 {
				v = min(b*size+r.IntN(size), n-1)
			} else {
				v = r.IntN(n)
			}
			if v != u {
				es = append(es, graph.WeightedEdge{A: int32(u), B: int32(v), Weight: 1})
			}
		}
	}
	return graph.NewUndirected(n, es)
}

// BenchmarkLeiden runs on 200,000 nodes and about 4 million edges:
//
//	go test ./metrics -run '^$' -bench Leiden -benchtime 1x
func BenchmarkLeiden(b *testing.B) {
	g := ldLarge(200_000, 40, 1)
	b.Logf("n=%d edges=%d", g.Order(), g.Size())
	for _, obj := range []Objective{ModularityObjective, CPMObjective} {
		b.Run(obj.String(), func(b *testing.B) {
			opts := DefaultLeidenOptions()
			opts.Objective = obj
			if obj == CPMObjective {
				opts.Resolution = 0.01
			}
			for b.Loop() {
				r, err := Leiden(g, opts)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(r.Q, "Q")
				b.ReportMetric(float64(r.K()), "clusters")
			}
		})
	}
	b.Run("louvain", func(b *testing.B) {
		for b.Loop() {
			b.ReportMetric(Louvain(g, 1, 1).Q, "Q")
		}
	})
}
