package resolve

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib/reader"
)

// Every reference of the Scopus RIS export that names the corpus paper
// Hellwig et al. 2007, Appl. Phys. Lett. 90, 162516 (doi:10.1063/1.2730744)
// joins its record, however it is written: with the title or without,
// with the DOI, the ISSN or the CODEN, with the article's pages run into
// its number ("pp. 1625161-1625163"). Found by the raw text alone: the
// first author, the year and the article number. One is left out: it gives
// a publisher's URL whose DOI has a digit too many
// (".../10.1063/1.27307441"), and DOIs that differ are never joined.
//
// Before links to records were taken first, 15 of these references formed
// a work of their own with the second one.
var articleNumber = regexp.MustCompile(`\b162516(?:\b|\d-1625\d+)`)

func TestResolveJoinsRecordsOfRealExport(t *testing.T) {
	f, err := os.Open("../../testdata/exports/scopus-bibx.ris")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rr, _, err := reader.NewReader(reader.FormatRIS, f, "scopus-bibx.ris")
	if err != nil {
		t.Fatal(err)
	}
	records, err := reader.ReadAll(rr, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := Resolve(records)
	record := int32(-1)
	for i, w := range c.Works {
		if w.InCorpus && w.DOI == "10.1063/1.2730744" {
			record = int32(i)
		}
	}
	if record < 0 {
		t.Fatal("no corpus record with doi:10.1063/1.2730744")
	}
	named := 0
	for _, r := range c.Refs {
		if strings.HasPrefix(r.Raw, "Hellwig, O.") && strings.Contains(r.Raw, "(2007)") && articleNumber.MatchString(r.Raw) && !strings.Contains(r.Raw, "1.27307441") {
			named++
			if r.Work != record {
				t.Errorf("joined %s (%s), not the record: %s", c.Works[r.Work].ID, r.Match, r.Raw)
			}
		}
	}
	if named < 20 {
		t.Errorf("%d references name the paper, want at least 20", named)
	}
}
