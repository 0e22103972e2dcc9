package metrics

import (
	"errors"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/graph/network"

	"github.com/citegraph/citegraph/graph"
)

func digraph(n int, es ...[2]int32) *graph.Directed {
	var edges []graph.Edge
	for _, e := range es {
		edges = append(edges, graph.Edge{From: e[0], To: e[1]})
	}
	return graph.NewDirected(n, edges)
}

func TestPageRankHandComputed(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    *graph.Directed
		opts []Option
		want []float64
	}{
		{"empty", digraph(0), nil, []float64{}},
		{"single node", digraph(1), nil, []float64{1}},
		{"no edges", digraph(4), nil, []float64{0.25, 0.25, 0.25, 0.25}},
		{"3-cycle", digraph(3, [2]int32{0, 1}, [2]int32{1, 2}, [2]int32{2, 0}), nil, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}},
		// Leaves 1..4 cite the dangling centre 0, whose mass is spread over
		// all 5 nodes: x_l = 0.17 x_0 + 0.03 and x_0 + 4 x_l = 1, so
		// x_0 = 11/21 and x_l = 5/42.
		{"in-star", digraph(5, [2]int32{1, 0}, [2]int32{2, 0}, [2]int32{3, 0}, [2]int32{4, 0}), nil,
			[]float64{11.0 / 21, 5.0 / 42, 5.0 / 42, 5.0 / 42, 5.0 / 42}},
		// 0 cites itself and 1, 1 cites 0: x_1 = 0.425 x_0 + 0.075, so
		// x_0 = 37/57 and x_1 = 20/57 (the self-loop is an out-link).
		{"self-loop", digraph(2, [2]int32{0, 0}, [2]int32{0, 1}, [2]int32{1, 0}), nil, []float64{37.0 / 57, 20.0 / 57}},
		// With α = 0.5 on the path 0→1→2 (2 dangling) every node gets
		// b = (0.5 x_2 + 0.5)/3 plus half its citer's score: x_0 = b,
		// x_1 = 1.5b, x_2 = 1.75b, so b = 4/17 and x = (4, 6, 7)/17.
		{"path α=0.5", digraph(3, [2]int32{0, 1}, [2]int32{1, 2}), []Option{WithDamping(0.5)}, []float64{4.0 / 17, 6.0 / 17, 7.0 / 17}},
		{"α=0 is uniform", digraph(3, [2]int32{0, 1}, [2]int32{1, 2}), []Option{WithDamping(0)}, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := PageRank(tc.g, tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			checkSlice(t, "pagerank", got, tc.want, 1e-12, 0)
		})
	}
}

func TestPageRankSumsToOne(t *testing.T) {
	g := randomDigraph(300, 1500, 5, 1)
	x, err := PageRank(g)
	if err != nil {
		t.Fatal(err)
	}
	if s := sumOrdered(x); !near(s, 1, 1e-14, 0) {
		t.Errorf("sum = %.17g", s)
	}
}

func TestPageRankNetworkX(t *testing.T) {
	gd := loadNXGolden(t)
	if len(gd.g.SelfLoops()) == 0 || gd.g.OutDegree(59) != 0 {
		t.Fatal("golden graph lost its self-loops or dangling node")
	}
	got, err := PageRank(gd.g)
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "pagerank", got, gd.pagerank, 1e-9, 0)
}

// gonum's PageRankSparse has the same model as networkx (uniform dangling
// spread and teleport). It starts from a random vector scaled to sum 1 and
// stops on the 2-norm of the change; its iteration preserves the sum, so
// rounding in the start vector would survive as a scale error: rescale to
// sum 1 before comparing.
func TestPageRankGonum(t *testing.T) {
	for _, tc := range []struct{ n, m int }{{50, 200}, {200, 1000}, {500, 1500}} {
		g := randomDigraph(tc.n, tc.m, 3, uint64(tc.n))
		want := fromMap(tc.n, network.PageRankSparse(g, 0.85, 1e-14))
		normalise(want)
		got, err := PageRank(g)
		if err != nil {
			t.Fatal(err)
		}
		checkSlice(t, "pagerank", got, want, 1e-9, 0)
	}
}

// The parallel block loops must give the same bits as the serial ones.
func TestPageRankDeterministicAcrossWorkers(t *testing.T) {
	g := citationGraph(3*parallelThreshold, 5, 7)
	prev := runtime.GOMAXPROCS(1)
	serial, err := PageRank(g)
	runtime.GOMAXPROCS(4)
	parallel, err2 := PageRank(g)
	runtime.GOMAXPROCS(prev)
	if err != nil || err2 != nil {
		t.Fatal(err, err2)
	}
	for i := range serial {
		if serial[i] != parallel[i] {
			t.Fatalf("node %d: serial %.17g, parallel %.17g", i, serial[i], parallel[i])
		}
	}
}

func TestPageRankOptions(t *testing.T) {
	g := randomDigraph(100, 500, 0, 3)
	if _, err := PageRank(g, WithMaxIterations(2)); !errors.Is(err, ErrNotConverged) {
		t.Errorf("2 iterations: err = %v, want ErrNotConverged", err)
	}
	for _, o := range []Option{WithDamping(1.5), WithDamping(-0.1), WithTolerance(0), WithMaxIterations(0)} {
		if _, err := PageRank(g, o); err == nil || errors.Is(err, ErrNotConverged) {
			t.Errorf("invalid option accepted: err = %v", err)
		}
	}
	loose, err := PageRank(g, WithTolerance(1e-4))
	if err != nil {
		t.Fatal(err)
	}
	tight, _ := PageRank(g)
	// The error after stopping is at most α/(1−α) times the last change.
	checkSlice(t, "loose", loose, tight, 0, 1e-4*0.85/0.15)
}
