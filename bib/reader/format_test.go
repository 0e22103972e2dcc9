package reader

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// WithReferenceParser reaches every reader of free-text references: each
// reference the reader parses as free text goes through the parser given,
// and none through ParseReference. Scopus references in their fixed shape
// are read by ParseScopusReference, the others by the parser given.
func TestWithReferenceParser(t *testing.T) {
	for _, tc := range []struct {
		file   string
		all    bool // every reference of the file is free text
		scopus bool // every reference not in Scopus's fixed shape is
	}{
		{"../seed/seed-references.txt", true, false},
		{"scopus-bibx.csv", false, true},
		{"scopus-bibx.ris", false, true},
		{"crossref-edge-list.json", false, false}, // "unstructured" or structured keys
		{"scopus-edge.bib", false, false},
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
				_, shaped := refparse.ParseScopusReference(ref.Raw)
				if seen[ref.Raw] > 0 {
					parsed++
				} else if tc.all || tc.scopus && !shaped {
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
