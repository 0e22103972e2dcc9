package reader

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

func TestRISScopusBibx(t *testing.T) {
	// Counted apart from the reader:
	//
	//	grep -c '^TY  - ' scopus-bibx.ris                                  → 836
	//	grep -c '^ER  -' scopus-bibx.ris                                   → 836
	//	awk '/^[A-Z][A-Z0-9]  -/{r=($0 ~ /^N1  - References: /); if(r)n++; next}
	//	     r&&NF{n++} END{print n}' scopus-bibx.ris                      → 16144
	//
	// (the references are the rest of each "N1  - References:" line and
	// every non-empty untagged line after it; 804 records have them).
	e := readExport(t, "scopus-bibx.ris", FormatRIS)
	if len(e.recs) != 836 || e.refs() != 16144 || len(e.errs) != 0 {
		t.Fatalf("got %d records, %d references, %d errors; want 836, 16144, 0", len(e.recs), e.refs(), len(e.errs))
	}
	withRefs := 0
	for _, r := range e.recs {
		if len(r.References) > 0 {
			withRefs++
		}
	}
	if withRefs != 804 {
		t.Errorf("%d records with references, want 804", withRefs)
	}
	r := e.recs[0]
	exportCheckWork(t, "record 1", &r.Work, bib.Work{
		Type: "article-journal", Year: 2020,
		Title:     "FORC signatures and switching-field distributions of dipolar coupled nanowire-based hysterons",
		Container: "Journal of Applied Physics", ContainerShort: "J Appl Phys",
		Volume: "128", Issue: "9", Pages: "093903", DOI: "10.1063/5.0020407",
	})
	if r.ID != "2-s2.0-85091557653" || r.Line != 1 || len(r.Authors) != 3 || r.Authors[1] != (bib.Name{Family: "Béron", Given: "F."}) {
		t.Errorf("record 1: id %q line %d authors %v", r.ID, r.Line, r.Authors)
	}
	if len(r.References) != 64 {
		t.Fatalf("record 1: %d references, want 64", len(r.References))
	}
	first, last := r.References[0], r.References[63]
	if first.Raw != "Mayergoyz, I.D., (1986) Phys. Rev. Lett., 56, p. 1518" || first.Line != 16 || first.Position != 1 ||
		last.Raw != "Skomski, R., Liu, J.P., Sellmyer, D.J., (1999) Phys. Rev. B, 60 (10), p. 7359" || last.Line != 79 {
		t.Errorf("record 1: first reference %+v, last %+v", first, last)
	}
	// "N1  - Cited By :3" notes give the citation count.
	cited := 0
	for _, r := range e.recs {
		if r.TimesCited > 0 {
			cited++
		}
	}
	if cited == 0 {
		t.Error("no record has a citation count")
	}
}

func TestRISEdgeCases(t *testing.T) {
	e := exportGoldenEdge(t, "ris-edge.ris", FormatRIS, false)
	if len(e.recs) != 3 || e.refs() != 5 || len(e.errs) != 1 || e.errs[0].Line != 40 {
		t.Errorf("ris-edge.ris: %d records, %d references, errors %v", len(e.recs), e.refs(), e.errs)
	}
}

func TestRISErrors(t *testing.T) {
	in := "junk before\nmore junk\nAU  - Stray, A.\nTY  - JOUR\nTI  - Kept\nER  - \nTY  - JOUR\nTI  - Cut short\n"
	e := readExportData(t, "bad.ris", []byte("TY  - JOUR\nER  - \n"+in), FormatRIS)
	var got []string
	for _, pe := range e.errs {
		got = append(got, pe.Error())
	}
	want := []string{
		`bad.ris:3: syntax error: "junk before" outside a record`,
		`bad.ris:9: syntax error: record has no ER line (file cut short?)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(e.recs) != 2 || e.recs[1].Title != "Kept" {
		t.Errorf("errors %q, %d records", got, len(e.recs))
	}
}

func TestRISLongLine(t *testing.T) {
	ab := strings.Repeat("x", exportLongLine)
	in := "TY  - JOUR\r\nAB  - " + ab + "\r\nN1  - References: " + ab + ";\r\n" + ab + "\r\nER  - \r\n"
	e := readExportData(t, "long.ris", []byte(in), FormatRIS)
	if len(e.recs) != 1 || e.recs[0].Abstract != ab || e.refs() != 2 || e.recs[0].References[1].Raw != ab {
		t.Fatalf("long lines: %d records, %d references", len(e.recs), e.refs())
	}
}

func FuzzRIS(f *testing.F) {
	exportFuzzSeeds(f, "ris-edge.ris", "scopus-bibx.ris")
	f.Fuzz(func(t *testing.T, data []byte) { exportFuzz(t, data, newRISReader) })
}

// TestRISGluedField: in the Scopus RIS export, 30 records have their "UR
// - " line run onto the end of their last reference (counted with grep -cP
// '^.+UR  - '). The URL is the record's (and gives its EID); the
// reference ends before it; each is reported.
func TestRISGluedField(t *testing.T) {
	e := readExport(t, "scopus-bibx.ris", FormatRIS)
	repaired := 0
	for _, r := range e.recs {
		for _, ref := range r.References {
			if strings.Contains(ref.Raw, "UR  - ") {
				t.Errorf("record line %d: reference %q", r.Line, ref.Raw)
			}
		}
		if len(r.Repairs) == 0 {
			continue
		}
		repaired++
		if !strings.HasPrefix(r.ID, "2-s2.0-") || !strings.HasPrefix(r.URL, "https://www.scopus.com/") {
			t.Errorf("record line %d: id %q, url %q", r.Line, r.ID, r.URL)
		}
	}
	if repaired != 30 {
		t.Errorf("%d records repaired, want 30", repaired)
	}
	for _, r := range e.recs {
		if r.Line == 3328 && (r.ID != "2-s2.0-85040170034" || r.References[len(r.References)-1].Raw != "Nabavi, S., (2008), Ph.D. dissertation, Dept. Elect. Eng., CMU, Pittsburgh, PA, USA") {
			t.Errorf("record line 3328: id %q, last reference %q", r.ID, r.References[len(r.References)-1].Raw)
		}
	}
}
