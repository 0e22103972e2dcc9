package resolve

import (
	"testing"

	"github.com/citegraph/citegraph/bib"
)

func TestResolveRules(t *testing.T) {
	ruffini := []bib.Name{{Family: "Ruffini", Given: "P B"}}
	recA := &bib.Record{ID: "A", Work: bib.Work{Authors: []bib.Name{{Family: "Zhao", Given: "G"}}, Year: 2025, Title: "Citing paper"}}
	recB := &bib.Record{ID: "B", Work: bib.Work{Authors: ruffini, Year: 2020, Volume: "15", Pages: "371-382", DOI: "10.1163/1871191x-bja10028", Title: "Collaboration and competition"}}
	recA.References = []bib.Reference{
		// The corpus paper B, cited by DOI: joins the record.
		{Raw: "b by doi", Position: 1, Work: bib.Work{DOI: "10.1163/1871191X-BJA10028"}},
		// B again, by locator without DOI (a WoS CR string).
		{Raw: "b by locator", Position: 2, Work: bib.Work{Authors: []bib.Name{{Family: "RUFFINI", Given: "PB"}}, Year: 2020, Volume: "15", Pages: "371"}},
		// A new work, then the same by title words, then by DOI.
		{Raw: "c", Position: 3, Work: bib.Work{Authors: ruffini, Year: 2020, Title: "Conceptualizing science diplomacy", Volume: "7", Pages: "124", DOI: "10.1057/s41599-020-00609-5"}},
		{Raw: "c by title", Position: 4, Work: bib.Work{Authors: ruffini, Year: 2020, Title: "Conceptualizing Science Diplomacy!"}},
		{Raw: "c by doi", Position: 5, Work: bib.Work{DOI: "https://doi.org/10.1057/S41599-020-00609-5"}},
		// Nothing to match on.
		{Raw: "unparsed text", Position: 6},
	}
	c := Resolve([]*bib.Record{recA, recB})
	want := []struct {
		work  string
		match Match
	}{{"B", MatchRecord}, {"B", MatchRecord}, {"W1", MatchNew}, {"W1", MatchKey}, {"W1", MatchDOI}, {"W2", MatchNew}}
	if len(c.Refs) != len(want) {
		t.Fatalf("%d refs, want %d", len(c.Refs), len(want))
	}
	for i, w := range want {
		r := c.Refs[i]
		if got := c.Works[r.Work].ID; got != w.work || r.Match != w.match {
			t.Errorf("ref %d (%s): work %s by %s, want %s by %s", i+1, r.Raw, got, r.Match, w.work, w.match)
		}
	}
	if n := citationPairs(c); n != 3 {
		t.Errorf("%d citations, want 3 (A→B, A→W1, A→W2)", n)
	}
	if got := c.Works[c.Refs[5].Work].Title; got != "unparsed text" {
		t.Errorf("unparsed reference's work titled %q, want its raw text", got)
	}
	labels := map[string]string{}
	for _, w := range c.Works {
		labels[w.ID] = w.Label
	}
	if labels["B"] != "Ruffini 2020a" || labels["W1"] != "Ruffini 2020b" || labels["A"] != "Zhao 2025" {
		t.Errorf("labels %v", labels)
	}
}

func TestResolveMergesDuplicateRecords(t *testing.T) {
	a := &bib.Record{ID: "X", References: []bib.Reference{{Raw: "r", ID: "Y"}}}
	b := &bib.Record{ID: "X", References: []bib.Reference{{Raw: "r", ID: "Y"}}}
	c := Resolve([]*bib.Record{a, b})
	if len(c.Works) != 2 || len(c.Refs) != 2 || citationPairs(c) != 1 {
		t.Errorf("works %d refs %d citations %d, want 2 2 1", len(c.Works), len(c.Refs), citationPairs(c))
	}
}

// citationPairs counts the distinct citing → cited pairs of the
// references: the citations the graph holds.
func citationPairs(c *Corpus) int {
	pairs := map[[2]int32]bool{}
	for _, r := range c.Refs {
		pairs[[2]int32{r.Citing, r.Work}] = true
	}
	return len(pairs)
}

func TestLabelSuffix(t *testing.T) {
	for i, want := range map[int]string{0: "a", 25: "z", 26: "aa", 27: "ab", 701: "zz", 702: "aaa"} {
		if got := suffix(i); got != want {
			t.Errorf("suffix(%d) = %q, want %q", i, got, want)
		}
	}
}

// TestResolveKeepsConflictingDOIsApart: two papers by one author in one year
// whose titles start alike, with different DOIs, stay two works (as in the
// WoS sample: Moritz 2011, 10.1063/1.3572259 and 10.1109/lmag.2010.2098852).
func TestResolveKeepsConflictingDOIsApart(t *testing.T) {
	moritz := []bib.Name{{Family: "Moritz", Given: "J"}}
	a := &bib.Record{ID: "1", File: "f", Work: bib.Work{Authors: moritz, Year: 2011, Title: "Two-bit-per-dot patterned media combining in-plane", DOI: "10.1063/1.3572259"}}
	b := &bib.Record{ID: "2", File: "f", Work: bib.Work{Authors: moritz, Year: 2011, Title: "Two-Bit-Per-Dot Patterned Media for Magnetic Storage", DOI: "10.1109/lmag.2010.2098852"}}
	a.References = []bib.Reference{{Raw: "x", ID: "x"}}
	c := Resolve([]*bib.Record{a, b})
	if len(c.Works) != 3 {
		t.Errorf("%d works, want 3: the two records must stay apart", len(c.Works))
	}
	// Same title, no DOIs, different ids in one file: two records.
	a.DOI, b.DOI, b.Title = "", "", a.Title
	if c := Resolve([]*bib.Record{a, b}); len(c.Works) != 3 {
		t.Errorf("%d works, want 3: records with different ids in one file are different papers", len(c.Works))
	}
	// The same paper from another file (another database's export) is one record.
	b.File, b.ID = "g", "scopus-1"
	if c := Resolve([]*bib.Record{a, b}); len(c.Works) != 2 {
		t.Errorf("%d works, want 2: the same paper from two exports is one record", len(c.Works))
	}
}
