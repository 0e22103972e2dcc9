package reader

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib/refparse"
)

// The seed list read through the reference-list reader gives the works
// ParseReference gives for its lines, the number labels taken off.
func TestParseReferenceSeedThroughReader(t *testing.T) {
	data, err := os.ReadFile("../../testdata/seed/seed-references.txt")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := newRefListReader(bytes.NewReader(data), "seed-references.txt", refparse.ParseReference).Read()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(rec.References) != 17 || len(lines) != 17 {
		t.Fatalf("%d references of %d lines, want 17", len(rec.References), len(lines))
	}
	for i, ref := range rec.References {
		_, text, _ := strings.Cut(lines[i], ". ")
		if want := refparse.ParseReference(text); !reflect.DeepEqual(ref.Work, want) {
			t.Errorf("reference %d: %+v, want %+v", i+1, ref.Work, want)
		}
	}
}
