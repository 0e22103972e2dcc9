package graph

import (
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
)

// TestRecordLabels: labels are grouped by key, each once per record, and a
// group is named by the form most records use (the first seen on ties).
func TestRecordLabels(t *testing.T) {
	recs := []*bib.Record{
		{ID: "1", Keywords: []string{"Networks", "graphs", "networks"}},
		{ID: "2", Keywords: []string{"network", "Graph"}},
		{ID: "3", Keywords: []string{"network"}},
		{ID: "4"},
	}
	c := NewCorpus(resolve.Resolve(recs))
	lists, names := RecordLabels(c.Works, func(w *resolve.Work) []Label {
		var ls []Label
		for _, k := range w.Record.Keywords {
			key := strings.TrimSuffix(strings.ToLower(k), "s")
			ls = append(ls, Label{Key: key, Form: k})
		}
		return ls
	})
	// network: "Networks" 1 record, "networks" 1, "network" 2 → "network";
	// graph: "graphs" 1, "Graph" 1 → "graphs", seen first.
	if !slices.Equal(names, []string{"network", "graphs"}) {
		t.Errorf("names %q", names)
	}
	if !slices.Equal(lists[0], []int32{0, 1}) || !slices.Equal(lists[1], []int32{0, 1}) || !slices.Equal(lists[2], []int32{0}) || lists[3] != nil {
		t.Errorf("lists %v", lists)
	}
}
