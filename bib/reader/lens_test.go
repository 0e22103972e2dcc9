package reader

import (
	"strings"
	"testing"
)

func TestLensEdgeCases(t *testing.T) {
	e := exportGoldenEdge(t, "lens-edge.csv", FormatLens, false)
	if len(e.recs) != 3 || e.refs() != 4 || len(e.errs) != 0 {
		t.Fatalf("lens-edge.csv: %d records, %d references, errors %v", len(e.recs), e.refs(), e.errs)
	}
	// Records and references share the Lens id space.
	r := e.recs[0]
	if r.ID != "000-000-000-000-001" || r.References[1].ID != e.recs[2].ID || r.TimesCited != 5 {
		t.Errorf("record 1: id %q, references %+v", r.ID, r.References)
	}
	if r := e.recs[2]; r.Line != 4 || r.References[0].Line != 5 {
		t.Errorf("record 3 starts on line %d, its references on %d; want 4 and 5", r.Line, r.References[0].Line)
	}
}

func TestLensLongLine(t *testing.T) {
	title := strings.Repeat("z", exportLongLine)
	in := "Lens ID,Title,References\n1,\"" + title + "\",2; 3\n"
	e := readExportData(t, "long.csv", []byte(in), FormatLens)
	if len(e.recs) != 1 || e.recs[0].Title != title || e.refs() != 2 {
		t.Fatalf("long line: %d records, %d references", len(e.recs), e.refs())
	}
}

func FuzzLens(f *testing.F) {
	exportFuzzSeeds(f, "lens-edge.csv")
	f.Fuzz(func(t *testing.T, data []byte) { exportFuzz(t, data, structured(newLensReader)) })
}
