package reader

import (
	"bytes"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
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

// The buffers the cited references are read into serve record after
// record: each record keeps its own, read one by one (Read) or whole
// (ReadAll, which makes the reference lists later).
func TestWoSReferencesOwnBuffers(t *testing.T) {
	const export = "FN Clarivate Analytics Web of Science\nVR 1.0\n" +
		"PT J\nAU Ruffini, PB\nTI One\nPY 2020\nCR Smith J, 2001, NATURE, V1, P2\n   Jones K, 2002, SCIENCE, V3, P4\nUT WOS:1\nER\n\n" +
		"PT J\nAU Copeland, D\nTI Two\nPY 2021\nCR Brown L, 2003, CELL, V5, P6\nUT WOS:2\nER\n\nEF\n"
	want := [][]string{{"Smith J, 2001, NATURE, V1, P2@7", "Jones K, 2002, SCIENCE, V3, P4@8"}, {"Brown L, 2003, CELL, V5, P6@16"}}
	check := func(how string, recs []*bib.Record) {
		t.Helper()
		if len(recs) != len(want) {
			t.Fatalf("%s: %d records, want %d", how, len(recs), len(want))
		}
		for i, rec := range recs {
			var got []string
			for _, ref := range rec.References {
				got = append(got, ref.Raw+"@"+strconv.Itoa(ref.Line))
			}
			if !slices.Equal(got, want[i]) {
				t.Errorf("%s: record %d references %q, want %q", how, i+1, got, want[i])
			}
		}
	}
	check("Read", readEach(t, newWoSReader(strings.NewReader(export), "t.txt")))
	all, err := ReadAll(newWoSReader(strings.NewReader(export), "t.txt"), nil)
	if err != nil {
		t.Fatal(err)
	}
	check("ReadAll", all)
}
