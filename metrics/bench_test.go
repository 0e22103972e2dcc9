package metrics

import (
	"fmt"
	"sync"
	"testing"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"

	"github.com/citegraph/citegraph/graph"
)

// Benchmarks run on seeded citation-like graphs (citationGraph: a
// preferential-attachment DAG, each new work citing 20 earlier ones), the
// gonum counterparts on the same graphs so that ratios can be read off one
// run:
//
//	go test ./metrics -run '^$' -bench . -benchtime 3x

const benchCites = 20

var benchGraphs sync.Map // n → *graph.Directed

func benchGraph(b *testing.B, n int) *graph.Directed {
	b.Helper()
	if g, ok := benchGraphs.Load(n); ok {
		return g.(*graph.Directed)
	}
	g := citationGraph(n, benchCites, uint64(n))
	benchGraphs.Store(n, g)
	return g
}

var benchUndirected sync.Map // n → *graph.Undirected

func benchUndirectedGraph(b *testing.B, n int) *graph.Undirected {
	b.Helper()
	if g, ok := benchUndirected.Load(n); ok {
		return g.(*graph.Undirected)
	}
	g := undirectedOf(benchGraph(b, n))
	benchUndirected.Store(n, g)
	return g
}

func sizeName(n int) string {
	if n%1000 == 0 {
		return fmt.Sprintf("n=%dk", n/1000)
	}
	return fmt.Sprintf("n=%d", n)
}

func BenchmarkPageRank(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		g := benchGraph(b, n)
		b.Run(sizeName(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := PageRank(g); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(sizeName(n)+"/gonum-PageRankSparse", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				network.PageRankSparse(g, 0.85, 1e-12)
			}
		})
	}
}

func BenchmarkHITS(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		g := benchGraph(b, n)
		b.Run(sizeName(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := HITS(g); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(sizeName(n)+"/gonum-HITS", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				network.HITS(g, 1e-12)
			}
		})
	}
}

func BenchmarkBetweenness(b *testing.B) {
	const n = 5_000
	g := benchGraph(b, n)
	b.Run(sizeName(n), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Betweenness(g)
		}
	})
	b.Run(sizeName(n)+"/sampled-500", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			BetweennessSampled(g, 500, 1)
		}
	})
	b.Run(sizeName(n)+"/gonum-Betweenness", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			network.Betweenness(g)
		}
	})
}

func BenchmarkLouvain(b *testing.B) {
	for _, n := range []int{gonumLouvainSize, 10_000, 100_000} {
		g := benchUndirectedGraph(b, n)
		b.Run(sizeName(n), func(b *testing.B) {
			b.ReportAllocs()
			var c Clustering
			for b.Loop() {
				c = Louvain(g, 1, 1)
			}
			b.ReportMetric(c.Q, "Q")
			b.ReportMetric(float64(c.K()), "clusters")
		})
		if n == gonumLouvainSize {
			b.Run(sizeName(n)+"/gonum-Modularize", func(b *testing.B) {
				b.ReportAllocs()
				var c Clustering
				for b.Loop() {
					c = LouvainGonum(g, 1, 1)
				}
				b.ReportMetric(c.Q, "Q")
				b.ReportMetric(float64(c.K()), "clusters")
			})
		}
	}
}

// gonumLouvainSize is the graph on which the gonum Louvain is timed; it
// grows superlinearly, so larger graphs take minutes.
const gonumLouvainSize = 5_000

func BenchmarkModularity(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		g := benchUndirectedGraph(b, n)
		c := Louvain(g, 1, 1)
		b.Run(sizeName(n), func(b *testing.B) {
			for b.Loop() {
				Modularity(g, c.Membership, 1)
			}
		})
		if n > 10_000 {
			continue // gonum's Q takes half a minute at 100k
		}
		b.Run(sizeName(n)+"/gonum-Q", func(b *testing.B) {
			cs := communitiesOf(c.Membership)
			for b.Loop() {
				community.Q(g, cs, 1)
			}
		})
	}
}
