package analysis

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/graph"
)

func name(family, given string) []bib.Name { return []bib.Name{{Family: family, Given: given}} }

// TestMatchesTable: every reference that joined a work has a row saying
// how, and the first reference to a work has none.
func TestMatchesTable(t *testing.T) {
	rec := &bib.Record{ID: "P", File: "f", Work: bib.Work{Authors: name("Ruffini", "P B"), Year: 2020, Volume: "15", Pages: "371-382", Title: "Collaboration and competition"}}
	a := &bib.Record{ID: "A", File: "f", References: []bib.Reference{
		{Raw: "Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371", Position: 1, Work: bib.Work{Authors: name("Ruffini", "PB"), Year: 2020, Volume: "15", Pages: "371"}},
		{Raw: "Legrand T, 2018, BRIT POLIT, V13, P392", Position: 2, Work: bib.Work{Authors: name("Legrand", "T"), Year: 2018, Container: "BRIT POLIT", Volume: "13", Pages: "392"}},
	}}
	b := &bib.Record{ID: "B", File: "f", References: []bib.Reference{
		{Raw: "Legrand T, Stone D. Science diplomacy and transnational governance impact. British Politics, 2018, 13(3): 392-408.", Position: 1,
			Work: bib.Work{Authors: name("Legrand", "T"), Year: 2018, Title: "Science diplomacy and transnational governance impact", Container: "British Politics", Volume: "13", Pages: "392-408"}},
	}}
	r := &Result{Corpus: graph.NewCorpus(resolve.Resolve([]*bib.Record{rec, a, b}))}
	tab := r.MatchesTable()
	if strings.Join(tab.Header, ",") != "work,citing,position,match,score,agreed,joined_via" {
		t.Fatalf("header %v", tab.Header)
	}
	if len(tab.Rows) != 2 {
		t.Fatalf("%d rows, want 2: %v", len(tab.Rows), tab.Rows)
	}
	if row := tab.Rows[0]; row[0] != "P" || row[1] != "A" || row[3] != "record" || row[6] != "P" || !strings.Contains(row[5], "page") {
		t.Errorf("record match row %v", row)
	}
	if row := tab.Rows[1]; row[1] != "B" || row[3] == "new" || row[6] != "A#2" || row[4] == "" {
		t.Errorf("reference match row %v", row)
	}
	refs := r.ReferencesTable()
	if refs.Header[5] != "score" || refs.Rows[0][5] == "" || refs.Rows[1][5] != "" {
		t.Errorf("references.csv score column: %v %v", refs.Header, refs.Rows)
	}
}

// TestNamePrefix: names whose first eight bytes differ are in the order
// of their prefixes, shorter names and bytes past ASCII included.
func TestNamePrefix(t *testing.T) {
	names := []string{"", "a", "ab", "ab\x00", "ab\x01", "Ruffini P", "Ruffini PB", "Ruffini", "RUFFINI P", "Rüffini P",
		"abcdefgh", "abcdefghi", "abcdefgg", "Zz", "Ölund K", "Öl", "van Langenhove L"}
	first8 := func(s string) string { return (s + "\x00\x00\x00\x00\x00\x00\x00\x00")[:8] }
	for _, x := range names {
		for _, y := range names {
			px, py := namePrefix(x), namePrefix(y)
			if (px == py) != (first8(x) == first8(y)) {
				t.Errorf("%q and %q: prefixes %x, %x", x, y, px, py)
			}
			if want := strings.Compare(x, y); px != py && (px < py) != (want < 0) {
				t.Errorf("%q and %q: prefixes %x, %x; strings.Compare %d", x, y, px, py, want)
			}
		}
	}
}
