package reader

import (
	"bytes"
	"os"
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

// BenchmarkReadAllWoS reads a Web of Science export whole, its references
// parsed: the bit-patterned media export, or the file CITEGRAPH_BENCH_INPUT
// names (a large generated one, bench/wosgen).
func BenchmarkReadAllWoS(b *testing.B) {
	file := os.Getenv("CITEGRAPH_BENCH_INPUT")
	if file == "" {
		file = "../../testdata/exports/wos-bit-pattern-savedrecs.txt"
	}
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		text, err := Decode(bytes.NewReader(data), "")
		if err != nil {
			b.Fatal(err)
		}
		rr, _, err := NewReader(FormatWoS, text, file)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ReadAll(rr, nil); err != nil {
			b.Fatal(err)
		}
	}
}
