package reader

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// WithReferenceParser reaches every reader of free-text references: each
// reference the reader parses as free text goes through the parser given,
// and none through ParseReference.
func TestWithReferenceParser(t *testing.T) {
	for _, tc := range []struct {
		file string
		all  bool // every reference of the file is free text
	}{
		{"../seed/seed-references.txt", true},
		{"scopus-bibx.csv", true},
		{"scopus-bibx.ris", true},
		{"crossref-edge-list.json", false}, // "unstructured" or structured keys
		{"scopus-edge.bib", false},
	} {
		f, err := os.Open(filepath.Join(exportsDir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		parse := func(raw string) bib.Work {
			seen[raw]++
			return bib.Work{Title: "parsed"}
		}
		rr, format, err := NewReader("", f, tc.file, WithReferenceParser(parse))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := ReadAll(rr, nil)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		refs, parsed := 0, 0
		for _, rec := range recs {
			for _, ref := range rec.References {
				refs++
				if seen[ref.Raw] > 0 {
					parsed++
				} else if tc.all {
					t.Errorf("%s (%s): reference %q not given to the parser", tc.file, format, ref.Raw)
				}
			}
		}
		if parsed == 0 {
			t.Errorf("%s (%s): the parser read none of the %d references", tc.file, format, refs)
		}
		t.Logf("%s (%s): %d of %d references through the parser", tc.file, format, parsed, refs)
	}
}
