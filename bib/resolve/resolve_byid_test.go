package resolve

import (
	"fmt"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/reader"
)

// readEdgeList reads an edge list with the bib reader.
func readEdgeList(t testing.TB, text string) []*bib.Record {
	t.Helper()
	rr, _, err := reader.NewReader(reader.FormatEdgeList, strings.NewReader(text), "edges.txt")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := reader.ReadAll(rr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// edgeLists are the shapes that once made resolution quadratic: self-loops,
// a chain, one line repeated.
func edgeLists(n int) map[string]string {
	var loops, chain strings.Builder
	for i := range n {
		fmt.Fprintf(&loops, "n%d n%d\n", i, i)
		fmt.Fprintf(&chain, "n%d n%d\n", i, i+1)
	}
	return map[string]string{"self-loops": loops.String(), "chain": chain.String(), "repeated": strings.Repeat("X X\n", n)}
}

// TestResolveByID: references that name their work by id resolve to the
// work with that id — a record's, an earlier reference's, or a new one —
// with no matching on their fields.
func TestResolveByID(t *testing.T) {
	const n = 20000
	lists := edgeLists(n)
	for _, c := range []struct {
		name         string
		works, links int
		match        map[Match]int
	}{
		{"self-loops", n, n, map[Match]int{MatchRecord: n}},
		{"chain", n + 1, n, map[Match]int{MatchRecord: n - 1, MatchNew: 1}},
		{"repeated", 1, 1, map[Match]int{MatchRecord: n}},
	} {
		t.Run(c.name, func(t *testing.T) {
			corpus := Resolve(readEdgeList(t, lists[c.name]))
			if links := citationLinks(corpus); len(corpus.Works) != c.works || links != c.links || len(corpus.Refs) != n {
				t.Errorf("%d works, %d links, %d refs; want %d, %d, %d", len(corpus.Works), links, len(corpus.Refs), c.works, c.links, n)
			}
			got := map[Match]int{}
			for _, ref := range corpus.Refs {
				got[ref.Match]++
				if w := corpus.Works[ref.Work]; w.ID != ref.Raw {
					t.Fatalf("reference %q resolved to %q", ref.Raw, w.ID)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(c.match) {
				t.Errorf("matches %v, want %v", got, c.match)
			}
		})
	}
	// A work cited by id twice, outside the corpus: the second reference
	// joins the first by id.
	corpus := Resolve(readEdgeList(t, "a z\nb z\n"))
	if r := corpus.Refs[1]; r.Match != MatchID || r.Via != 0 || r.Score != 1 || r.Work != corpus.Refs[0].Work {
		t.Errorf("second reference to z: %+v", r)
	}
}

// citationLinks counts the distinct citing-cited pairs of a corpus.
func citationLinks(c *Corpus) int {
	links := map[[2]int32]bool{}
	for _, ref := range c.Refs {
		links[[2]int32{ref.Citing, ref.Work}] = true
	}
	return len(links)
}

// BenchmarkResolveEdgeList resolves the edge lists of a million lines.
func BenchmarkResolveEdgeList(b *testing.B) {
	for name, text := range edgeLists(1000000) {
		recs := readEdgeList(b, text)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Resolve(recs)
			}
		})
	}
}
