package reader

import (
	"slices"
	"strings"
	"testing"
)

// TestEdgeListHashInIDs: "#" starts a comment at the start of a line or
// after the two ids; inside an id, or beginning the cited id, it is part
// of the id.
func TestEdgeListHashInIDs(t *testing.T) {
	text := "# a comment line\na#1 b#2 # a trailing comment\nc #d\n   # indented comment\ne f#\n"
	if !detectEdgeList([]byte(text)) {
		t.Error("not detected as an edge list")
	}
	rr, _, err := NewReader(FormatEdgeList, strings.NewReader(text), "edges.txt")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := ReadAll(rr, nil)
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for _, r := range recs {
		for _, ref := range r.References {
			pairs = append(pairs, r.ID+" "+ref.ID)
		}
	}
	if want := []string{"a#1 b#2", "c #d", "e f#"}; !slices.Equal(pairs, want) {
		t.Errorf("read %q, want %q", pairs, want)
	}
}
