package graph

import (
	"fmt"
	"strings"
	"testing"
)

// TestLoadEdgeListHashInIDs: the fast loader reads "#" as the bib reader
// does: a comment at the start of a line or after the two ids, else part
// of an id.
func TestLoadEdgeListHashInIDs(t *testing.T) {
	ids, g, err := LoadEdgeList(strings.NewReader("# a comment line\na#1 b#2 # a trailing comment\nc #d\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a#1", "b#2", "c", "#d"}; fmt.Sprint(ids) != fmt.Sprint(want) || g.Size() != 2 {
		t.Errorf("ids %q, %d edges; want %q, 2", ids, g.Size(), want)
	}
}
