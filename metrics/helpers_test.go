package metrics

import (
	"bufio"
	"encoding/csv"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	gonum "gonum.org/v1/gonum/graph"

	"github.com/citegraph/citegraph/graph"
)

// This file holds the test helpers: seeded graph generators (also used by the
// benchmarks), testdata readers and comparisons.

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0xc17e)) }

// randomDigraph is a seeded G(n, m) digraph; some edges may repeat (they are
// merged) and selfLoops self-loops are added.
func randomDigraph(n, m, selfLoops int, seed uint64) *graph.Directed {
	r := newRand(seed)
	var es []graph.Edge
	for len(es) < m {
		u, v := r.IntN(n), r.IntN(n)
		if u != v {
			es = append(es, graph.Edge{From: int32(u), To: int32(v)})
		}
	}
	for i := 0; i < selfLoops; i++ {
		u := int32(r.IntN(n))
		es = append(es, graph.Edge{From: u, To: u})
	}
	return graph.NewDirected(n, es)
}

// citationGraph is a seeded citation-like DAG: node i cites min(i, cites)
// distinct earlier nodes, each chosen by preferential attachment (with
// probability proportional to 1 + the citations it has received so far).
// Node 0 cites nothing, so there is one dangling node at least.
func citationGraph(n, cites int, seed uint64) *graph.Directed {
	r := newRand(seed)
	// urn holds every earlier node once plus once per citation received, so
	// a uniform draw from it is a preferential-attachment draw.
	urn := make([]int32, 0, n*(cites+1))
	es := make([]graph.Edge, 0, n*cites)
	chosen := make(map[int32]bool, cites)
	for i := 0; i < n; i++ {
		clear(chosen)
		first := len(es)
		for len(es)-first < min(i, cites) {
			v := urn[r.IntN(len(urn))]
			if !chosen[v] {
				chosen[v] = true
				es = append(es, graph.Edge{From: int32(i), To: v})
			}
		}
		// Extend the urn in draw order (not map order) to stay seeded.
		for _, e := range es[first:] {
			urn = append(urn, e.To)
		}
		urn = append(urn, int32(i))
	}
	return graph.NewDirected(n, es)
}

// undirectedOf forgets direction, with unit weights (an edge cited both ways
// gets weight 2).
func undirectedOf(g *graph.Directed) *graph.Undirected {
	var es []graph.WeightedEdge
	for _, e := range g.Edges() {
		es = append(es, graph.WeightedEdge{A: e.From, B: e.To, Weight: 1})
	}
	return graph.NewUndirected(g.Order(), es)
}

// sbm is a seeded stochastic block model with the given block sizes, edge
// probabilities pIn inside and pOut between blocks and weights uniform in
// [1, maxW] (integers when maxW > 1, else 1).
func sbm(sizes []int, pIn, pOut float64, maxW int, seed uint64) (*graph.Undirected, []int) {
	r := newRand(seed)
	var block []int
	for b, s := range sizes {
		for range s {
			block = append(block, b)
		}
	}
	n := len(block)
	var es []graph.WeightedEdge
	for u := 0; u < n; u++ {
		for v := u + 1; v < n; v++ {
			p := pOut
			if block[u] == block[v] {
				p = pIn
			}
			if r.Float64() < p {
				w := 1.0
				if maxW > 1 {
					w = float64(1 + r.IntN(maxW))
				}
				es = append(es, graph.WeightedEdge{A: int32(u), B: int32(v), Weight: w})
			}
		}
	}
	return graph.NewUndirected(n, es), block
}

// readEdges reads "a b [weight]" lines, skipping # comments.
func readEdges(t testing.TB, path string) [][3]float64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][3]float64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Fields(line)
		e := [3]float64{0, 0, 1}
		for i, s := range fs {
			x, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("%s: %q: %v", path, line, err)
			}
			e[i] = x
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// readCSV reads a CSV with a header into rows of fields.
func readCSV(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows[1:]
}

func parseFloat(t testing.TB, s string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// nxGolden is the networkx reference graph and its expected values.
type nxGolden struct {
	g                                *graph.Directed
	pagerank, hub, auth, betweenness []float64
}

func loadNXGolden(t testing.TB) nxGolden {
	t.Helper()
	var es []graph.Edge
	for _, e := range readEdges(t, "testdata/nx_graph.txt") {
		es = append(es, graph.Edge{From: int32(e[0]), To: int32(e[1])})
	}
	rows := readCSV(t, "testdata/nx_expected.csv")
	gd := nxGolden{g: graph.NewDirected(len(rows), es)}
	for i, r := range rows {
		if r[0] != strconv.Itoa(i) {
			t.Fatalf("nx_expected.csv row %d is node %s", i, r[0])
		}
		gd.pagerank = append(gd.pagerank, parseFloat(t, r[1]))
		gd.hub = append(gd.hub, parseFloat(t, r[2]))
		gd.auth = append(gd.auth, parseFloat(t, r[3]))
		gd.betweenness = append(gd.betweenness, parseFloat(t, r[4]))
	}
	return gd
}

// karate is Zachary's karate club with networkx's weights; unit gives every
// edge weight 1.
func karate(t testing.TB, unit bool) *graph.Undirected {
	t.Helper()
	var es []graph.WeightedEdge
	for _, e := range readEdges(t, "testdata/karate.txt") {
		w := e[2]
		if unit {
			w = 1
		}
		es = append(es, graph.WeightedEdge{A: int32(e[0]), B: int32(e[1]), Weight: w})
	}
	return graph.NewUndirected(34, es)
}

// karateExpected returns the named values of karate_expected.csv.
func karateExpected(t testing.TB) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, r := range readCSV(t, "testdata/karate_expected.csv") {
		m[r[0]] = r[1]
	}
	return m
}

// near reports whether got is within rel·|want| + abs of want.
func near(got, want, rel, abs float64) bool {
	return math.Abs(got-want) <= rel*math.Abs(want)+abs
}

// checkSlice fails t for every entry outside rel·|want| + abs.
func checkSlice(t *testing.T, name string, got, want []float64, rel, abs float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d values, want %d", name, len(got), len(want))
	}
	bad := 0
	for i := range want {
		if !near(got[i], want[i], rel, abs) {
			if bad < 5 {
				t.Errorf("%s[%d] = %.17g, want %.17g (rel err %.3g)", name, i, got[i], want[i], math.Abs(got[i]-want[i])/math.Abs(want[i]))
			}
			bad++
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d more mismatches", name, bad-5)
	}
}

// fromMap turns a gonum result map into a slice (missing ids are 0).
func fromMap(n int, m map[int64]float64) []float64 {
	out := make([]float64, n)
	for id, x := range m {
		out[id] = x
	}
	return out
}

// communitiesOf turns a membership into gonum's community form.
func communitiesOf(membership []int) [][]gonum.Node {
	k := 0
	for _, c := range membership {
		k = max(k, c+1)
	}
	cs := make([][]gonum.Node, k)
	for v, c := range membership {
		cs[c] = append(cs[c], gonumNode(v))
	}
	return cs
}

type gonumNode int64

func (n gonumNode) ID() int64 { return int64(n) }
