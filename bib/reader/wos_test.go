package reader

import (
	"strings"
	"testing"
)

// TestWoSMissingCRTag: a record whose CR tag is missing has its cited
// references as continuation lines of the field before (here C1): they are
// read as cited references, not as addresses (which became countries
// such as "DOI 10.5555/test.0003"), and the repair is reported.
func TestWoSMissingCRTag(t *testing.T) {
	e := readExport(t, "wos-missing-cr.txt", FormatWoS)
	if len(e.recs) != 2 || len(e.errs) != 0 {
		t.Fatalf("%d records, errors %v", len(e.recs), e.errs)
	}
	r := e.recs[0]
	if len(r.Affiliations) != 1 || len(r.References) != 3 || r.References[1].DOI != "10.5555/test.0003" ||
		len(r.Repairs) != 1 || r.Repairs[0].Line != 8 || !strings.Contains(r.Repairs[0].Reason, "no CR tag") {
		t.Errorf("record 1: affiliations %q, %d references, repairs %+v", r.Affiliations, len(r.References), r.Repairs)
	}
	if r := e.recs[1]; len(r.Affiliations) != 1 || len(r.References) != 1 || len(r.Repairs) != 0 {
		t.Errorf("record 2: affiliations %q, %d references, repairs %+v", r.Affiliations, len(r.References), r.Repairs)
	}
	// No record of the real exports is repaired so.
	for _, file := range []string{"wos-bit-pattern-savedrecs.txt", "wos-umbrella-savedrecs.txt"} {
		for _, r := range readExport(t, file, FormatWoS).recs {
			if len(r.Repairs) != 0 {
				t.Errorf("%s: record line %d repaired: %+v", file, r.Line, r.Repairs)
			}
		}
	}
}
