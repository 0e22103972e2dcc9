package graph

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestCoCitationHandComputed: records 0 and 1 both cite 2 and 3; record 1
// also cites 4. Co-citation: 2–3 twice, 2–4 and 3–4 once.
func TestCoCitationHandComputed(t *testing.T) {
	g := NewDirected(5, []Edge{{0, 2}, {0, 3}, {1, 2}, {1, 3}, {1, 4}})
	p := CoCitation(g, 1)
	want := map[[2]int32]float64{{2, 3}: 2, {2, 4}: 1, {3, 4}: 1}
	checkProjection(t, p, want)

	// At two citations, work 4 drops out.
	checkProjection(t, CoCitation(g, 2), map[[2]int32]float64{{2, 3}: 2})

	// Coupling: records 0 and 1 share two references.
	checkProjection(t, Coupling(g, 1), map[[2]int32]float64{{0, 1}: 2})
}

func checkProjection(t *testing.T, p *Projection, want map[[2]int32]float64) {
	t.Helper()
	got := map[[2]int32]float64{}
	for _, e := range p.Edges() {
		got[[2]int32{p.Members[e.A], p.Members[e.B]}] = e.Weight
	}
	if len(got) != len(want) {
		t.Fatalf("links %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("link %v = %v, want %v", k, got[k], w)
		}
	}
}

// TestCoCitationBruteForce compares the per-work count with counting every
// pair of every record's reference list, on a graph small enough for one
// worker and on one whose rows are shared out between workers.
func TestCoCitationBruteForce(t *testing.T) {
	for _, n := range []int{300, 3000} {
		testCoCitationBruteForce(t, n)
	}
}

func testCoCitationBruteForce(t *testing.T, n int) {
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	var edges []Edge
	for u := 0; u < n; u++ {
		for k := 0; k < rng.IntN(15); k++ {
			edges = append(edges, Edge{int32(u), int32(rng.IntN(n))})
		}
	}
	g := NewDirected(n, edges)
	for _, minCit := range []int{1, 3} {
		want := map[[2]int32]float64{}
		for u := 0; u < n; u++ {
			refs := g.Out(u)
			for i, a := range refs {
				for _, b := range refs[i+1:] {
					if a != b && g.InDegree(int(a)) >= minCit && g.InDegree(int(b)) >= minCit {
						want[[2]int32{min(a, b), max(a, b)}]++
					}
				}
			}
		}
		checkProjection(t, CoCitation(g, minCit), want)
	}
}

// TestRegroupAuthorCoCitation: a record citing two works of one author and
// one of another co-cites the two authors once.
func TestRegroupAuthorCoCitation(t *testing.T) {
	g := NewDirected(4, []Edge{{0, 1}, {0, 2}, {0, 3}})
	group := []int32{-1, 0, 0, 1}
	p := CoCitation(Regroup(g, group, 2), 1)
	checkProjection(t, p, map[[2]int32]float64{{4, 5}: 1})
}

// BenchmarkCoCitation: records citing 40 works each, drawn by preferential
// attachment (as bench/gen -corpus), at several sizes.
func BenchmarkCoCitation(b *testing.B) {
	for _, records := range []int{2_000, 20_000} {
		g := citingCorpus(records, 40, uint64(records))
		b.Run(strconv.Itoa(records)+"-records", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				CoCitation(g, 2)
			}
		})
	}
	// Reviews: few records citing many works, of which the network keeps
	// the most cited, as analyze does by default.
	g := citingCorpus(500, 800, 500)
	b.Run("500-reviews-2000-nodes", func(b *testing.B) {
		b.ReportAllocs()
		k := CitationThreshold(g, 2000)
		for b.Loop() {
			CoCitation(g, k)
		}
	})
}

// citingCorpus makes records 0…records-1 each cite refs distinct works: a
// new work with probability 0.3, else one drawn in proportion to the
// citations it has so far (Simon's model).
func citingCorpus(records, refs int, seed uint64) *Directed {
	rng := rand.New(rand.NewPCG(seed, 1))
	n := records
	var urn []int32 // one entry per citation received
	var edges []Edge
	for r := 0; r < records; r++ {
		seen := map[int32]bool{}
		for len(seen) < refs {
			var w int32
			if len(urn) == 0 || rng.Float64() < 0.3 {
				w = int32(n)
				n++
			} else {
				w = urn[rng.IntN(len(urn))]
			}
			if !seen[w] {
				seen[w] = true
				urn = append(urn, w)
				edges = append(edges, Edge{int32(r), w})
			}
		}
	}
	return NewDirected(n, edges)
}

// TestCitationThreshold: in-degrees 5, 3, 3, 2, 1, 1, 1 (and 0 for the
// citing records).
func TestCitationThreshold(t *testing.T) {
	var edges []Edge
	cite := func(work int32, times int) {
		for r := range times {
			edges = append(edges, Edge{int32(10 + r), work})
		}
	}
	for w, d := range []int{5, 3, 3, 2, 1, 1, 1} {
		cite(int32(w), d)
	}
	g := NewDirected(15, edges)
	for _, tc := range []struct{ maxNodes, want int }{
		{7, 1}, {100, 1}, {6, 2}, {4, 2}, {3, 3}, {2, 4}, {1, 4}, {0, 6},
	} {
		if got := CitationThreshold(g, tc.maxNodes); got != tc.want {
			t.Errorf("at most %d works: min citations %d, want %d", tc.maxNodes, got, tc.want)
		}
	}
}

// TestCoCitationLinks: the count of co-citation or coupling links never
// falls below the links built, and is exact once above the limit given.
func TestCoCitationLinks(t *testing.T) {
	g := citingCorpus(500, 30, 3)
	for _, minCit := range []int{1, 2, 5} {
		links := int64(CoCitation(g, minCit).Size())
		if got := CoCitationLinks(g, minCit, 0); got != links {
			t.Errorf("min %d, limit 0: %d links, want %d", minCit, got, links)
		}
		if got := CoCitationLinks(g, minCit, 1<<40); got < links {
			t.Errorf("min %d, no limit: bound %d below the %d links", minCit, got, links)
		}
	}
	for _, minRefs := range []int{1, 30, 31} {
		links := int64(Coupling(g, minRefs).Size())
		if got := CouplingLinks(g, minRefs, 0); got != links {
			t.Errorf("coupling, min %d, limit 0: %d links, want %d", minRefs, got, links)
		}
		if got := CouplingLinks(g, minRefs, 1<<40); got < links {
			t.Errorf("coupling, min %d, no limit: bound %d below the %d links", minRefs, got, links)
		}
	}
}
