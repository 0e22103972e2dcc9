package export_test

import (
	"os"

	"github.com/citegraph/citegraph/export"
)

// Write DOT for Graphviz: ids and labels are quoted and escaped.
func ExampleWriteDOT() {
	g := &export.DOTGraph{
		Name: "citations", Directed: true,
		Nodes: []export.DOTNode{{ID: "W1", Attrs: []export.Attr{{Key: "label", Value: "Ruffini 2020a"}}}, {ID: "W2", Attrs: []export.Attr{{Key: "label", Value: `"Matters" of SD`}}}},
		Edges: []export.DOTEdge{{From: "W2", To: "W1"}},
	}
	export.WriteDOT(os.Stdout, g)
	// Output:
	// digraph "citations" {
	// 	"W1" [label="Ruffini 2020a"];
	// 	"W2" [label="\"Matters\" of SD"];
	// 	"W2" -> "W1";
	// }
}
