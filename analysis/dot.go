package analysis

import (
	"fmt"
	"math"
	"strconv"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// clusterColor is the colour of cluster c (numbered from 0), the map's
// and the graph formats' (export.ClusterColor); a lighter grey for none.
func clusterColor(c int) string {
	if c < 0 {
		return "#dddddd"
	}
	return export.ClusterColor(c + 1)
}

// trimNote says in the DOT file what was left out.
func trimNote(kept, total int, flag string) []string {
	if kept == total {
		return []string{fmt.Sprintf("all %d links", total)}
	}
	return []string{fmt.Sprintf("the strongest %d of %d links, so that Graphviz lays the graph out in seconds (%s changes it);", kept, total, flag),
		"the CSV tables hold every link"}
}

// CitationsDOT is citations.dot: the citation graph, citing → cited, laid out
// by year with dot. When there are more citations than DOTMaxEdges, those to
// the most cited works are kept.
func (r *Result) CitationsDOT() *export.DOTGraph {
	c := r.Corpus
	g := c.Citations
	kept := mostCitedArcs(g, r.Options.DOTMaxEdges)
	d := &export.DOTGraph{
		Name: "citations", Directed: true,
		Comments:  append([]string{"citegraph citation graph: citing -> cited;"}, trimNote(len(kept), g.Size(), "--dot-max-edges")...),
		Graph:     []export.Attr{{Key: "rankdir", Value: "BT"}, {Key: "overlap", Value: "false"}, {Key: "fontname", Value: "Helvetica"}},
		NodeStyle: []export.Attr{{Key: "shape", Value: "box"}, {Key: "style", Value: "rounded,filled"}, {Key: "fontname", Value: "Helvetica"}, {Key: "fontsize", Value: "10"}},
		EdgeStyle: []export.Attr{{Key: "color", Value: "#00000066"}, {Key: "arrowsize", Value: "0.6"}},
	}
	used := make([]bool, len(c.Works))
	for _, e := range kept {
		used[e.From], used[e.To] = true, true
	}
	for i, isUsed := range used {
		if !isUsed {
			continue
		}
		w := &c.Works[i]
		fill := "#ffffff"
		if w.InCorpus {
			fill = "#fde9c8"
		}
		d.Nodes = append(d.Nodes, export.DOTNode{ID: w.ID, Attrs: []export.Attr{
			{Key: "label", Value: w.Label}, {Key: "tooltip", Value: w.Title}, {Key: "fillcolor", Value: fill},
		}})
	}
	for _, e := range kept {
		d.Edges = append(d.Edges, export.DOTEdge{From: r.id(e.From), To: r.id(e.To)})
	}
	return d
}

// mostCitedArcs are the m arcs of g to the most cited works (all of them
// when m ≤ 0 or g has no more), in (From, To) order; of the arcs to works
// cited as often as the least cited kept, the first in that order. They
// are the first m of g's arcs sorted stably by their cited work's
// citations, found without sorting: the works cited d times have d arcs
// each, so counting works by citations gives the least citations kept.
func mostCitedArcs(g *graph.Directed, m int) []graph.Edge {
	if m <= 0 || g.Size() <= m {
		return g.Edges()
	}
	var arcs []int // arcs[d]: the arcs to works cited d times
	for v := range g.Order() {
		d := g.InDegree(v)
		for len(arcs) <= d {
			arcs = append(arcs, 0)
		}
		arcs[d] += d
	}
	least, above := len(arcs)-1, 0 // above: the arcs to works cited more than least
	for above+arcs[least] < m {
		above += arcs[least]
		least--
	}
	ties := m - above
	kept := make([]graph.Edge, 0, m)
	for u := range g.Order() {
		for _, v := range g.Out(u) {
			if d := g.InDegree(int(v)); d > least || d == least && ties > 0 {
				if d == least {
					ties--
				}
				kept = append(kept, graph.Edge{From: int32(u), To: v})
			}
		}
	}
	return kept
}

// CoCitationDOT is cocitation.dot: the co-citation network, nodes coloured
// by cluster and sized by citations, edges as wide as their count, for
// Graphviz's force-directed layouts (sfdp, neato).
func (r *Result) CoCitationDOT() *export.DOTGraph {
	comment := "citegraph co-citation network: works linked once per record citing both;"
	if r.MinCitations > 1 {
		comment = fmt.Sprintf("citegraph co-citation network of the works cited at least %d times: works linked once per record citing both;", r.MinCitations)
	}
	return r.projectionDOT("cocitation", comment,
		r.CoCitation, r.Clusters.Membership,
		func(m int32) (string, string, string, int) {
			w := &r.Corpus.Works[m]
			return w.ID, w.Label, w.Title, r.Corpus.Citations.InDegree(int(m))
		})
}

// projectionDOT draws a projection with its clusters.
func (r *Result) projectionDOT(name, comment string, p *graph.Projection, membership []int, node func(member int32) (id, label, tooltip string, citations int)) *export.DOTGraph {
	kept := strongestLinks(p.Undirected, nil, r.Options.DOTMaxEdges)
	maxW := 1.0
	for _, e := range kept {
		maxW = math.Max(maxW, e.Weight)
	}
	d := &export.DOTGraph{
		Name:      name,
		Comments:  append([]string{comment}, trimNote(len(kept), p.Size(), "--dot-max-edges")...),
		Graph:     []export.Attr{{Key: "layout", Value: "sfdp"}, {Key: "overlap", Value: "prism"}, {Key: "outputorder", Value: "edgesfirst"}, {Key: "fontname", Value: "Helvetica"}},
		NodeStyle: []export.Attr{{Key: "shape", Value: "circle"}, {Key: "style", Value: "filled"}, {Key: "fontname", Value: "Helvetica"}, {Key: "fontsize", Value: "10"}, {Key: "fixedsize", Value: "false"}},
		EdgeStyle: []export.Attr{{Key: "color", Value: "#88888888"}},
	}
	used := make([]bool, p.Order())
	for _, e := range kept {
		used[e.Source], used[e.Target] = true, true
	}
	for v := 0; v < p.Order(); v++ {
		if !used[v] {
			continue
		}
		id, label, tip, cites := node(p.Members[v])
		d.Nodes = append(d.Nodes, export.DOTNode{ID: id, Attrs: []export.Attr{
			{Key: "label", Value: label}, {Key: "tooltip", Value: tip},
			{Key: "fillcolor", Value: clusterColor(membership[v])},
			{Key: "width", Value: strconv.FormatFloat(0.3+0.15*math.Sqrt(float64(cites)), 'f', 2, 64)},
			{Key: "cluster", Value: clusterName(membership[v])},
		}})
	}
	for _, e := range kept {
		a, _, _, _ := node(p.Members[e.Source])
		b, _, _, _ := node(p.Members[e.Target])
		d.Edges = append(d.Edges, export.DOTEdge{From: a, To: b, Attrs: []export.Attr{
			{Key: "penwidth", Value: strconv.FormatFloat(0.5+3.5*e.Weight/maxW, 'f', 2, 64)},
			{Key: "weight", Value: export.Float(e.Weight)},
		}})
	}
	return d
}
