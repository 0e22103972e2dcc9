package fetch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/reader"
)

// readList reads a reference list with citegraph's reader.
func readList(t *testing.T, path string) []*bib.Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rr, _, err := reader.NewReader("", f, path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := reader.ReadAll(rr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestReferencesSeedList looks up the 17 references of the seed list. None
// has a DOI, so each is searched on its parsed fields: Crossref's
// bibliographic search, answered with the recorded answer that has no
// items (no recording of a science-diplomacy search exists), then
// OpenAlex's title search, answered with the recorded PaperQA result,
// which the matcher must reject for every one. All 17 are listed, with
// their reasons.
func TestReferencesSeedList(t *testing.T) {
	srv, c, _ := newTest(t)
	srv.TitleSearch = func(string) []string { return []string{"W4389761608"} }
	recs := readList(t, "../testdata/seed/seed-references.txt")
	res, err := c.Fetch(context.Background(), Request{References: recs})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 17 || res.Summary.References != 17 || res.Summary.Found != 0 || len(res.Works) != 0 {
		t.Fatalf("%d rows, summary %+v", len(res.Rows), res.Summary)
	}
	for i, row := range res.Rows {
		if row.How != HowNotFound || !strings.HasPrefix(row.Reason, "Crossref: no candidate; OpenAlex: best candidate Lála 2023 “PaperQA") {
			t.Errorf("row %d: %+v", i+1, row)
		}
		if row.Source != "../testdata/seed/seed-references.txt:"+strconv.Itoa(i+1) {
			t.Errorf("row %d: source %q", i+1, row.Source)
		}
	}
	var crossref, titles []string
	for _, u := range srv.Requests() {
		q := query(t, u)
		if s := q.Get("query.bibliographic"); s != "" {
			crossref = append(crossref, s)
			if q.Get("rows") != "5" || q.Get("select") != crossrefFields {
				t.Errorf("request %s", u)
			}
		}
		if f := q.Get("filter"); strings.HasPrefix(f, "title.search:") {
			titles = append(titles, f)
		}
	}
	if len(crossref) != 17 || len(titles) != 17 {
		t.Fatalf("%d Crossref and %d OpenAlex searches, want 17 each", len(crossref), len(titles))
	}
	// The fourth reference, searched on its parsed fields; the third, a
	// Chinese book, on the English half.
	if want := "Ruffini Collaboration and competition: The twofold logic of science diplomacy The Hague Journal of Diplomacy 2020 15 371"; crossref[3] != want {
		t.Errorf("query %q, want %q", crossref[3], want)
	}
	if !strings.HasPrefix(crossref[2], "Zhao Theory and Practice of Science Diplomacy") {
		t.Errorf("query %q", crossref[2])
	}
	if want := "title.search:Collaboration and competition The twofold logic of science diplomacy,from_publication_date:2019-01-01,to_publication_date:2021-12-31"; titles[3] != want {
		t.Errorf("filter %q, want %q", titles[3], want)
	}
}

// TestReferencesConfirmed: a reference a search finds is a seed only when
// the matcher confirms the candidate.
//
//   - A real reference (to Vaswani et al. 2017, from the reference list in
//     the recorded Crossref record of Bran et al. 2024): Crossref's
//     recorded answer to a search for that title returns Shaw et al. 2018,
//     which the matcher rejects.
//   - A reference to Bran et al. 2024 written here in the seed list's style
//     from its recorded Crossref record (there is no recorded reference
//     to it): Crossref's recorded answer for its title (a query.title
//     answer served for query.bibliographic) is confirmed, and its DOI
//     fetched from OpenAlex.
//   - A reference to Leung 2019, The Politics of the Past in Early China,
//     written from its recorded OpenAlex record, without its DOI: Crossref
//     finds nothing (the recorded empty answer); OpenAlex's title search,
//     answered with the recorded record, is confirmed.
func TestReferencesConfirmed(t *testing.T) {
	srv, c, _ := newTest(t)
	srv.AnswerSearches()
	vaswani, bran, leung := srv.References()
	list := filepath.Join(t.TempDir(), "refs.txt")
	if err := os.WriteFile(list, []byte(fmt.Sprintf("1. %s\n2. %s\n3. %s\n", vaswani, bran, leung)), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := c.Fetch(context.Background(), Request{References: readList(t, list)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 3 {
		t.Fatalf("%d rows", len(res.Rows))
	}
	r := res.Rows[0]
	if r.How != HowNotFound || !strings.Contains(r.Reason, "Crossref: best candidate Shaw 2018 “Self-Attention with Relative Position Representations” rejected: first author") || !strings.HasSuffix(r.Reason, "OpenAlex: no candidate") {
		t.Errorf("Vaswani: %+v", r)
	}
	r = res.Rows[1]
	if r.How != HowCrossrefSearch || r.DOI != "10.1038/s42256-024-00832-8" || r.Work != "W4396723768" || r.SearchScore != 46.75062 ||
		r.MatchScore < 0.9 || !strings.Contains(r.Agreed, "author") || !strings.Contains(r.Agreed, "year") || !strings.Contains(r.Agreed, "title") {
		t.Errorf("Bran: %+v", r)
	}
	r = res.Rows[2]
	if r.How != HowOpenAlexSearch || r.Work != "W97658052" || r.MatchScore < 0.9 || r.Reason != "" {
		t.Errorf("Leung: %+v", r)
	}
	if len(res.Works) != 2 || res.Summary.Found != 2 {
		t.Errorf("%d works, summary %+v", len(res.Works), res.Summary)
	}
}
