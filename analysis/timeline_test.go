package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/graph"
)

// TestTimelineHandComputed: keywords sit at the year of their first record,
// works at their publication year, and the table sums each cluster's
// occurrences per year.
func TestTimelineHandComputed(t *testing.T) {
	// a: 2001, 2003, 1999 (first 1999, 3 records); b: 2001, 2003; e: 2001,
	// 1999; c and d: 2005, 2002. Clusters {a, b, e} and {c, d}.
	c := keywordCorpus([]string{"a b e", "a b", "a e", "c d", "c d"}, 2001, 2003, 1999, 2005, 2002)
	opts := DefaultNetworkOptions()
	opts.Kind, opts.Level, opts.Normalize = CowordKind, KeywordLevel, graph.NoNormalization
	r, err := BuildNetwork(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range r.TimelineTable().Rows {
		got = append(got, strings.Join(row, ","))
	}
	want := []string{"1,1999,2,5,a", "1,2001,1,2,b", "2,2002,2,4,c"}
	if !slices.Equal(got, want) {
		t.Errorf("timeline table\n got %q\nwant %q", got, want)
	}
	tl := r.Timeline(1)
	if len(tl.Lanes) != 1 || len(tl.Lanes[0].Items) != 3 || tl.Lanes[0].Items[0].Label != "a" || !tl.Lanes[0].Items[0].Labelled {
		t.Errorf("one lane of three, a first and labelled: %+v", tl.Lanes)
	}
	if !strings.Contains(tl.Note, "1 of 2 clusters") || !strings.Contains(tl.Note, "first occurrence") {
		t.Errorf("note %q", tl.Note)
	}

	// Works: at their publication year, through a thesaurus merging Smith
	// 2001 into Jones 2000.
	th, err := graph.ReadThesaurus(strings.NewReader("label\treplace by\nSmith 2001\tJones 2000\n"), "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	ref := func(family string, year int) bib.Reference {
		return bib.Reference{Raw: family, Position: 1, Work: bib.Work{Authors: []bib.Name{{Family: family}}, Year: year, Title: family + " title"}}
	}
	recs := []*bib.Record{
		{ID: "P1", Work: bib.Work{Year: 2010}, References: []bib.Reference{ref("Jones", 2000), ref("Brown", 1999)}},
		{ID: "P2", Work: bib.Work{Year: 2011}, References: []bib.Reference{ref("Smith", 2001), ref("Brown", 1999)}},
	}
	for _, rec := range recs {
		rec.References[1].Position = 2
	}
	opts = DefaultNetworkOptions()
	opts.Normalize, opts.Thesaurus = graph.NoNormalization, th
	r, err = BuildNetwork(graph.NewCorpus(resolve.Resolve(recs)), opts)
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, row := range r.TimelineTable().Rows {
		got = append(got, strings.Join(row, ","))
	}
	if want := []string{"1,1999,1,2,Brown 1999", "1,2000,1,2,Jones 2000"}; !slices.Equal(got, want) {
		t.Errorf("works' timeline\n got %q\nwant %q", got, want)
	}
}
