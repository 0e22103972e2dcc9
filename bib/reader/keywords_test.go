package reader

import (
	"slices"
	"testing"
)

// TestIndexKeywords: the database's keywords are read beside the authors'
// own: Keywords Plus (WoS ID, over two lines) and Scopus's Index Keywords.
func TestIndexKeywords(t *testing.T) {
	wos := readExport(t, "wos-bit-pattern-savedrecs.txt", FormatWoS).recs[0]
	if !slices.Equal(wos.Keywords, []string{"annealing", "block copolymers", "self-assembly", "thin films", "X-ray"}) {
		t.Errorf("WoS DE: %q", wos.Keywords)
	}
	if want := []string{"BIT-PATTERNED MEDIA", "LITHOGRAPHY", "GRAPHENE", "ARRAYS", "ORIENTATION", "NANOWIRES", "PARALLEL", "BEHAVIOR", "INPLANE", "DENSITY"}; !slices.Equal(wos.IndexKeywords, want) {
		t.Errorf("WoS ID: %q", wos.IndexKeywords)
	}
	scopus := readExport(t, "scopus-bibx.csv", FormatScopus).recs[0]
	if len(scopus.Keywords) != 0 || len(scopus.IndexKeywords) != 29 || scopus.IndexKeywords[0] != "Hall effect" || scopus.IndexKeywords[28] != "Heavy metals" {
		t.Errorf("Scopus: author keywords %q, index keywords %q", scopus.Keywords, scopus.IndexKeywords)
	}
}
