package analysis

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/metrics"
)

// The roles of the Tree of Science.
const (
	RootRole  = "root"  // the classics the field builds on
	TrunkRole = "trunk" // the works that gave the field its structure
	LeafRole  = "leaf"  // recent works, the field's current perspectives
)

// TreeOfScience is the Tree of Science of a corpus's citation graph.
type TreeOfScience struct {
	Corpus *graph.Corpus
	*metrics.TreeOfScienceResult
	Roles []int32 // the works with a role: roots, then trunk, then leaves, each by score
}

// NewTreeOfScience computes the Tree of Science (metrics.TreeOfScience) of
// the whole citation graph, records and cited works.
func NewTreeOfScience(c *graph.Corpus, opts metrics.TreeOfScienceOptions) *TreeOfScience {
	year := make([]int, len(c.Works))
	for i := range c.Works {
		year[i] = c.Works[i].Year
	}
	t := &TreeOfScience{Corpus: c, TreeOfScienceResult: metrics.TreeOfScience(c.Citations, year, opts)}
	for _, role := range []string{RootRole, TrunkRole, LeafRole} {
		var ws []int32
		for v := range c.Works {
			if t.score(v, role) > 0 {
				ws = append(ws, int32(v))
			}
		}
		slices.SortStableFunc(ws, func(a, b int32) int { return cmp.Compare(t.score(int(b), role), t.score(int(a), role)) })
		t.Roles = append(t.Roles, ws...)
	}
	return t
}

// Role names the role of work v, "" for none.
func (t *TreeOfScience) Role(v int) string {
	switch {
	case t.Root[v] > 0:
		return RootRole
	case t.Trunk[v] > 0:
		return TrunkRole
	case t.Leaf[v] > 0:
		return LeafRole
	}
	return ""
}

func (t *TreeOfScience) score(v int, role string) float64 {
	switch role {
	case RootRole:
		return t.Root[v]
	case TrunkRole:
		return t.Trunk[v]
	}
	return t.Leaf[v]
}

// Count returns the number of works of a role.
func (t *TreeOfScience) Count(role string) int {
	n := 0
	for _, v := range t.Roles {
		if t.Role(int(v)) == role {
			n++
		}
	}
	return n
}

// TreeOfScienceHeader documents tos.csv.
var TreeOfScienceHeader = []string{"id", "label", "year", "title", "source", "doi", "role", "score", "sap", "root_connections", "leaf_connections", "citations"}

// Table is tos.csv: the roots, then the trunk, then the leaves, each the
// highest score first: the work, its role and score (a root's citations in
// the cleaned graph, a trunk work's SAP, a leaf's number of paths to the
// roots), its SAP, its paths to the roots and from the leaves, and its
// citations in the corpus.
func (t *TreeOfScience) Table() *export.Table {
	tab := &export.Table{Header: TreeOfScienceHeader}
	for _, v := range t.Roles {
		w := &t.Corpus.Works[v]
		role := t.Role(int(v))
		tab.Rows = append(tab.Rows, []string{
			w.ID, w.Label, export.Int(w.Year, true), w.Title, w.Container, w.DOI, role,
			export.Float(t.score(int(v), role)), export.Float(t.SAP[v]), export.Float(t.RootConnections[v]),
			export.Float(t.LeafConnections[v]), export.Float(float64(t.Corpus.Citations.InDegree(int(v)))),
		})
	}
	return tab
}

// treeColors colour the roles in the DOT drawing.
var treeColors = map[string]string{RootRole: "#c8a27a", TrunkRole: "#8aa05a", LeafRole: "#bfe3a0"}

// DOT draws the tree for dot: leaves at the top, trunk in the middle, roots
// at the bottom, and the citations among them, citing → cited.
func (t *TreeOfScience) DOT() *export.DOTGraph {
	d := &export.DOTGraph{
		Name: "tos", Directed: true,
		Comments: []string{fmt.Sprintf("citegraph Tree of Science (SAP, as python-bibx): %d roots, %d trunk, %d leaves; citing -> cited",
			t.Count(RootRole), t.Count(TrunkRole), t.Count(LeafRole))},
		Graph:     []export.Attr{{Key: "rankdir", Value: "TB"}, {Key: "fontname", Value: "Helvetica"}, {Key: "newrank", Value: "true"}, {Key: "ranksep", Value: "1.2"}},
		NodeStyle: []export.Attr{{Key: "shape", Value: "box"}, {Key: "style", Value: "rounded,filled"}, {Key: "fontname", Value: "Helvetica"}, {Key: "fontsize", Value: "10"}},
		EdgeStyle: []export.Attr{{Key: "color", Value: "#00000040"}, {Key: "arrowsize", Value: "0.5"}},
	}
	shown := map[int32]bool{}
	for _, v := range t.Roles {
		shown[v] = true
		w := &t.Corpus.Works[v]
		role := t.Role(int(v))
		d.Nodes = append(d.Nodes, export.DOTNode{ID: w.ID, Attrs: []export.Attr{
			{Key: "label", Value: w.Label}, {Key: "tooltip", Value: w.Title}, {Key: "fillcolor", Value: treeColors[role]},
			{Key: "group", Value: role},
		}})
	}
	for _, v := range t.Roles {
		for _, u := range t.Corpus.Citations.Out(int(v)) {
			if shown[u] && t.Kept[u] && u != v {
				d.Edges = append(d.Edges, export.DOTEdge{From: t.Corpus.Works[v].ID, To: t.Corpus.Works[u].ID})
			}
		}
	}
	return d
}
