package graph

import (
	"slices"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
)

// cites returns a reference to the record with id.
func cites(ids ...string) []bib.Reference {
	var refs []bib.Reference
	for _, id := range ids {
		refs = append(refs, bib.Reference{Raw: id, ID: id})
	}
	return refs
}

// historiographEdges lists a historiograph's citations as "citing>cited"
// record ids, and its records' ids in order.
func historiographEdges(c *Corpus, h *Historiograph) (edges, ids []string) {
	for _, e := range h.Citations.Edges() {
		edges = append(edges, c.Works[h.Works[e.From]].ID+">"+c.Works[h.Works[e.To]].ID)
	}
	for _, w := range h.Works {
		ids = append(ids, c.Works[w].ID)
	}
	return edges, ids
}

// TestHistoriographReduceHandComputed: B (2002) cites A (2001); C (2003)
// cites B and A. C → A is implied by C → B → A and goes; the scores stay.
func TestHistoriographReduceHandComputed(t *testing.T) {
	a := &bib.Record{ID: "A", Work: bib.Work{Year: 2001}}
	b := &bib.Record{ID: "B", Work: bib.Work{Year: 2002}, References: cites("A")}
	c := &bib.Record{ID: "C", Work: bib.Work{Year: 2003}, References: cites("A", "B")}
	corpus := NewCorpus(resolve.Resolve([]*bib.Record{c, b, a}))
	h := NewHistoriograph(corpus)
	r, err := h.Reduce(corpus)
	if err != nil {
		t.Fatal(err)
	}
	edges, ids := historiographEdges(corpus, r)
	if !slices.Equal(ids, []string{"A", "B", "C"}) || !slices.Equal(edges, []string{"B>A", "C>B"}) || !r.Reduced {
		t.Errorf("records %v, citations %v (reduced %v), want A B C and B>A C>B", ids, edges, r.Reduced)
	}
	if !slices.Equal(r.LCS, []int{2, 1, 0}) || !slices.Equal(r.LCR, []int{0, 1, 2}) {
		t.Errorf("LCS %v LCR %v, want those of all citations: [2 1 0] [0 1 2]", r.LCS, r.LCR)
	}
	if h.Citations.Size() != 3 || h.Reduced {
		t.Error("Reduce changed the historiograph it reduced")
	}
}

// TestHistoriographReduceCycleAndOrder: four records of one year, in input
// order P, Q, R, S. P cites Q, which comes after it; R and S cite each
// other and both cite Q. Within the year Q goes first (every other record
// cites it), then P, then R and S; R ↔ S stays, and of R → Q and S → Q
// one goes (S reaches Q through R).
func TestHistoriographReduceCycleAndOrder(t *testing.T) {
	recs := []*bib.Record{
		{ID: "P", Work: bib.Work{Year: 2010}, References: cites("Q")},
		{ID: "Q", Work: bib.Work{Year: 2010}},
		{ID: "R", Work: bib.Work{Year: 2010}, References: cites("S", "Q")},
		{ID: "S", Work: bib.Work{Year: 2010}, References: cites("R", "Q")},
	}
	corpus := NewCorpus(resolve.Resolve(recs))
	r, err := NewHistoriograph(corpus).Reduce(corpus)
	if err != nil {
		t.Fatal(err)
	}
	edges, ids := historiographEdges(corpus, r)
	slices.Sort(edges)
	if !slices.Equal(ids, []string{"Q", "P", "R", "S"}) || !slices.Equal(edges, []string{"P>Q", "R>Q", "R>S", "S>R"}) {
		t.Errorf("records %v, citations %v; want Q P R S and P>Q R>Q R>S S>R", ids, edges)
	}
}

// TestHistoriographReduceWoS: on the Web of Science sample (with its
// citation cycles) the reduction keeps the records, their order by year
// and the scores, drops citations, keeps every pair of records connected
// as it was (same reachability), and keeps no citation between records
// not in one cycle that the others imply. Within a year a record comes
// after the records it cites, unless they cite each other.
func TestHistoriographReduceWoS(t *testing.T) {
	c := wosCorpus(t)
	h := NewHistoriograph(c)
	r, err := h.Reduce(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Works) != len(h.Works) || r.Citations.Size() >= h.Citations.Size() {
		t.Fatalf("%d records and %d citations from %d and %d", len(r.Works), r.Citations.Size(), len(h.Works), h.Citations.Size())
	}
	t.Logf("%d records: %d citations, %d after transitive reduction", len(h.Works), h.Citations.Size(), r.Citations.Size())
	// Node i of h is node at[i] of r.
	at := make([]int, len(h.Works))
	for k, w := range r.Works {
		i := slices.Index(h.Works, w)
		at[i] = k
		if r.LCS[k] != h.LCS[i] || r.GCS[k] != h.GCS[i] || r.LCR[k] != h.LCR[i] {
			t.Fatalf("%s: scores changed", c.Works[w].ID)
		}
		if k > 0 && historiographYear(&c.Works[r.Works[k-1]]) > historiographYear(&c.Works[w]) {
			t.Fatal("not ordered by year")
		}
	}
	full, red := reachability(h.Citations), reachability(r.Citations)
	for i := range h.Works {
		for j := range h.Works {
			if full[i][j] != red[at[i]][at[j]] {
				t.Fatalf("%s reaches %s: %v before, %v after", c.Works[h.Works[i]].ID, c.Works[h.Works[j]].ID, full[i][j], red[at[i]][at[j]])
			}
		}
	}
	for _, e := range r.Citations.Edges() {
		if !h.Citations.HasEdgeFromTo(int64(slices.Index(at, int(e.From))), int64(slices.Index(at, int(e.To)))) {
			t.Fatalf("citation %v is not one of the historiograph's", e)
		}
		if red[e.To][e.From] {
			continue // within a cycle
		}
		if reachableFrom(r.Citations, int(e.From), &e)[e.To] {
			t.Errorf("%s → %s is implied by the other citations kept", c.Works[r.Works[e.From]].ID, c.Works[r.Works[e.To]].ID)
		}
		if c.Works[r.Works[e.From]].Year == c.Works[r.Works[e.To]].Year && e.From < e.To {
			t.Errorf("%s comes before %s, which it cites, in its year", c.Works[r.Works[e.From]].ID, c.Works[r.Works[e.To]].ID)
		}
	}
}

// reachability returns reach[i][j]: j is reachable from i by one or more
// citations of g.
func reachability(g *Directed) [][]bool {
	reach := make([][]bool, g.Order())
	for s := range reach {
		reach[s] = reachableFrom(g, s, nil)
	}
	return reach
}

// reachableFrom returns which nodes one or more citations of g lead to
// from s, leaving out the citation skip if not nil.
func reachableFrom(g *Directed, s int, skip *Edge) []bool {
	reach := make([]bool, g.Order())
	stack := []int32{int32(s)}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, v := range g.Out(int(u)) {
			if skip != nil && *skip == (Edge{u, v}) || reach[v] {
				continue
			}
			reach[v] = true
			stack = append(stack, v)
		}
	}
	return reach
}
