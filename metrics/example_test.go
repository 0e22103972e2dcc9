package metrics_test

import (
	"fmt"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/metrics"
)

func ExamplePageRank() {
	// 1 and 2 cite 0; 0 cites nothing (a dangling node), so
	// x_1 = x_2 = (0.85 x_0 + 0.15)/3 and x_0 = 27/47.
	g := graph.NewDirected(3, []graph.Edge{{From: 1, To: 0}, {From: 2, To: 0}})
	pr, err := metrics.PageRank(g)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.4f\n", pr)
	// Output: [0.5745 0.2128 0.2128]
}

func ExampleHITS() {
	// 0 and 1 both cite 2; 1 also cites 3. AᵀA = [[2 1] [1 1]] on {2, 3}
	// has top eigenvector (1, φ−1), φ the golden ratio.
	g := graph.NewDirected(4, []graph.Edge{{From: 0, To: 2}, {From: 1, To: 2}, {From: 1, To: 3}})
	hubs, auths, err := metrics.HITS(g)
	if err != nil {
		panic(err)
	}
	fmt.Printf("hubs %.4f\nauthorities %.4f\n", hubs, auths)
	// Output:
	// hubs [0.3820 0.6180 0.0000 0.0000]
	// authorities [0.0000 0.0000 0.6180 0.3820]
}

func ExampleBetweenness() {
	// The path 0→1→2→3.
	g := graph.NewDirected(4, []graph.Edge{{From: 0, To: 1}, {From: 1, To: 2}, {From: 2, To: 3}})
	fmt.Println(metrics.Betweenness(g))
	// Output: [0 2 2 0]
}

func ExampleLouvain() {
	// Two triangles joined by the edge 2–3, and an isolated node 6.
	g := graph.NewUndirected(7, []graph.WeightedEdge{
		{A: 0, B: 1, Weight: 1}, {A: 1, B: 2, Weight: 1}, {A: 0, B: 2, Weight: 1},
		{A: 3, B: 4, Weight: 1}, {A: 4, B: 5, Weight: 1}, {A: 3, B: 5, Weight: 1},
		{A: 2, B: 3, Weight: 1},
	})
	c := metrics.Louvain(g, 1, 42)
	fmt.Println(c.Membership, c.K())
	fmt.Printf("Q = %.4f\n", c.Q)
	// Output:
	// [0 0 0 1 1 1 2] 3
	// Q = 0.3571
}
