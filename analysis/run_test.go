package analysis

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/metrics"
)

// citingRecords: R1 cites A B C D, R2 A B C, R3 A B E, R4 A F, each work
// named by its DOI. A is cited 4 times, B 3, C 2, D, E and F once.
func citingRecords() []*bib.Record {
	var recs []*bib.Record
	for i, refs := range []string{"ABCD", "ABC", "ABE", "AF"} {
		rec := &bib.Record{ID: "R" + string(rune('1'+i)), File: "f", Work: bib.Work{Title: "Record " + string(rune('1'+i)), Year: 2020}}
		for p, w := range refs {
			rec.References = append(rec.References, bib.Reference{Raw: "ref " + string(w), Position: p + 1,
				Work: bib.Work{Title: "Work " + string(w), DOI: "10.1000/" + string(w), Authors: name("Author"+string(w), "A")}})
		}
		recs = append(recs, rec)
	}
	return recs
}

// TestCoCitationSelection: the co-citation network holds the works cited
// at least k times, k the least that keeps it to MaxNodes works unless
// MinCitations gives it; every reference and every work stays in the
// tables.
func TestCoCitationSelection(t *testing.T) {
	for _, tc := range []struct {
		maxNodes, minCitations int
		k                      int
		links, note            string
	}{
		{6, 0, 1, "AB3 AC2 BC2 AD1 AE1 AF1 BD1 BE1 CD1", ""},
		{3, 0, 2, "AB3 AC2 BC2", "works cited at least 2 times, chosen to keep at most 3 of the 6 cited works"},
		{2, 0, 3, "AB3", "works cited at least 3 times, chosen to keep at most 2 of the 6 cited works"},
		{0, 0, 5, "", "works cited at least 5 times, chosen to keep at most 0 of the 6 cited works"},
		{2, 2, 2, "AB3 AC2 BC2", "works cited at least 2 times (--min-citations), of 6 cited works"},
	} {
		opts := DefaultOptions()
		opts.MaxNodes, opts.MinCitations = tc.maxNodes, tc.minCitations
		r, err := Run(citingRecords(), nil, opts)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]string{} // work id → its letter, for readable links
		for _, w := range r.Corpus.Works {
			if strings.HasPrefix(w.DOI, "10.1000/") {
				ids[w.ID] = strings.TrimPrefix(w.DOI, "10.1000/")
			}
		}
		var links []string
		for _, row := range r.CoCitationTable().Rows {
			links = append(links, ids[row[0]]+ids[row[1]]+row[2])
		}
		if r.MinCitations != tc.k || strings.Join(links, " ") != tc.links {
			t.Errorf("at most %d works, --min-citations %d: k = %d, links %v; want %d, %s", tc.maxNodes, tc.minCitations, r.MinCitations, links, tc.k, tc.links)
		}
		if len(r.ReferencesTable().Rows) != 12 || len(r.WorksTable().Rows) != 10 {
			t.Errorf("k = %d: %d references, %d works; want all 12 and 10", tc.k, len(r.ReferencesTable().Rows), len(r.WorksTable().Rows))
		}
		var summary strings.Builder
		r.WriteSummary(&summary)
		if tc.note != "" && !strings.Contains(summary.String(), tc.note) || tc.note == "" && strings.Contains(summary.String(), "cited at least") {
			t.Errorf("k = %d: the summary does not say %q:\n%s", tc.k, tc.note, summary.String())
		}
		for _, row := range r.ClustersTable().Rows {
			if row[4] != string(rune('0'+tc.k)) {
				t.Errorf("k = %d: clusters.csv says min_citations %s", tc.k, row[4])
			}
		}
	}
}

// TestTooLarge: networks of more links than MaxLinks together are refused
// before they are built, with the number of links and the flags that
// lower it.
func TestTooLarge(t *testing.T) {
	opts := DefaultOptions()
	opts.MinCitations = 1
	// At one citation the works' network has 9 links: 6 from R1, A–E and
	// B–E, A–F; the authors' (one a work) as many.
	for _, tc := range []struct {
		maxLinks int64
		says     []string
	}{
		{8, []string{"6 works cited at least once", "would have 9 links,", "1 MB", "--min-citations", "--max-links"}},
		{17, []string{"6 first authors cited at least once", "would have 9 links, beside the 9 of the works' network", "--min-citations"}},
	} {
		opts.MaxLinks = tc.maxLinks
		_, err := Run(citingRecords(), nil, opts)
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("at most %d links: err = %v, want ErrTooLarge", tc.maxLinks, err)
		}
		for _, want := range tc.says {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("the refusal does not say %q: %v", want, err)
			}
		}
	}
	opts.MaxLinks = 18
	if r, err := Run(citingRecords(), nil, opts); err != nil || r.CoCitation.Size() != 9 || r.AuthorCoCitation.Size() != 9 {
		t.Errorf("at the limit: %v", err)
	}
}

// TestBetweennessSampledInRun: on a chain of records each citing the one
// before by id, where C_B(i) = i(n−1−i), betweenness is exact within the
// budget and estimated from pivots past it, each estimate within the error
// bound the summary gives.
func TestBetweennessSampledInRun(t *testing.T) {
	const n = 400
	chain := func() []*bib.Record {
		recs := make([]*bib.Record, n)
		for i := range recs {
			recs[i] = &bib.Record{ID: fmt.Sprintf("R%d", i), File: "f", Work: bib.Work{Title: fmt.Sprintf("Record %d", i), Year: 2000}}
			if i > 0 {
				recs[i].References = []bib.Reference{{Raw: fmt.Sprintf("R%d", i-1), ID: fmt.Sprintf("R%d", i-1), Position: 1}}
			}
		}
		return recs
	}
	// Record i is cited by i+1: work i lies on the paths from the n−1−i
	// records after it to the i before it.
	exact := func(r *Result, w int) float64 {
		i, _ := strconv.Atoi(strings.TrimPrefix(r.Corpus.Works[w].ID, "R"))
		return float64(i * (n - 1 - i))
	}
	opts := DefaultOptions()
	r, err := Run(chain(), nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	if r.BetweennessPivots != 0 {
		t.Fatalf("within the default budget: %d pivots, want exact", r.BetweennessPivots)
	}
	for w := range r.Corpus.Works {
		if r.Between[w] != exact(r, w) {
			t.Fatalf("work %s: betweenness %g, want %g", r.Corpus.Works[w].ID, r.Between[w], exact(r, w))
		}
	}
	opts.BetweennessWork = 20 * n
	if r, err = Run(chain(), nil, opts); err != nil {
		t.Fatal(err)
	}
	k := r.BetweennessPivots
	if k == 0 || k >= n {
		t.Fatalf("a budget of %d arc scans: %d pivots, want an estimate", opts.BetweennessWork, k)
	}
	eps := metrics.PivotError(n, k, 0.05)
	for w := range r.Corpus.Works {
		if d := math.Abs(r.Between[w] - exact(r, w)); d > eps*n*(n-1) {
			t.Errorf("work %s: estimate %g, exact %g: off by more than %.3f·n(n−1)", r.Corpus.Works[w].ID, r.Between[w], exact(r, w), eps)
		}
	}
	var summary strings.Builder
	r.WriteSummary(&summary)
	if want := fmt.Sprintf("betweenness: estimated from %d random pivots of the %d works", k, n); !strings.Contains(summary.String(), want) {
		t.Errorf("the summary does not say %q:\n%s", want, summary.String())
	}
}

// TestRunStopsWhenResolvedFails: an error of Options.Resolved ends Run
// with it, before the analysis begins.
func TestRunStopsWhenResolvedFails(t *testing.T) {
	refused := errors.New("the output folder is in use")
	var stages []string
	opts := DefaultOptions()
	opts.Progress = func(s string) { stages = append(stages, s) }
	opts.Resolved = func(r *Result) error {
		if len(r.Corpus.Works) == 0 {
			t.Error("Resolved called without the resolved works")
		}
		return refused
	}
	res, err := Run(citingRecords(), nil, opts)
	if !errors.Is(err, refused) || res != nil {
		t.Fatalf("Run = %v, %v; want nil, %v", res, err, refused)
	}
	for _, s := range stages {
		if strings.HasPrefix(s, "centrality") {
			t.Errorf("the analysis began after Resolved failed: %q", s)
		}
	}
}
