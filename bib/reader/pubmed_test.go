package reader

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

func TestPubMedEdgeCases(t *testing.T) {
	e := exportGoldenEdge(t, "pubmed-edge.txt", FormatPubMed, false)
	if len(e.recs) != 3 || e.refs() != 0 || len(e.errs) != 1 || e.errs[0].Line != 42 {
		t.Fatalf("pubmed-edge.txt: %d records, %d references, errors %v", len(e.recs), e.refs(), e.errs)
	}
	r := e.recs[0]
	if r.ID != "PMID:90000001" || r.Pages != "2918-2922" || r.DOI != "10.5555/test.6001" || r.Year != 2019 ||
		len(r.Authors) != 3 || r.Authors[2] != (bib.Name{Literal: "Synthetic Data Consortium"}) {
		t.Errorf("record 1: %+v", r)
	}
	if r := e.recs[1]; r.Pages != "e0042" || r.DOI != "10.5555/test.6002" {
		t.Errorf("record 2: pages %q doi %q", r.Pages, r.DOI)
	}
}

func TestMedlinePages(t *testing.T) {
	for in, want := range map[string]string{
		"2918-22": "2918-2922", "101-9": "101-109", "1781-1802": "1781-1802", "e01567": "e01567",
		"S67-S79": "S67-S79", "12-": "12-", "": "",
	} {
		if got := medlineExpandPages(in); got != want {
			t.Errorf("medlineExpandPages(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPubMedLongLine(t *testing.T) {
	ab := strings.Repeat("y", exportLongLine)
	in := "PMID- 1\nTI  - T\nAB  - " + ab + "\n      " + ab + "\n"
	e := readExportData(t, "long.txt", []byte(in), FormatPubMed)
	if len(e.recs) != 1 || e.recs[0].Abstract != ab+" "+ab {
		t.Fatalf("long lines: %d records", len(e.recs))
	}
}

func FuzzPubMed(f *testing.F) {
	exportFuzzSeeds(f, "pubmed-edge.txt")
	f.Add([]byte("AU-")) // an empty author once crashed the reader
	f.Fuzz(func(t *testing.T, data []byte) { exportFuzz(t, data, structured(newPubMedReader)) })
}
