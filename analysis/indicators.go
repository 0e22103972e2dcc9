package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/metrics"
)

// uniqueIDs makes display names usable as node ids: a name given to two
// groups gets " (2)", " (3)", … from its second use on.
func uniqueIDs(names []string) []string {
	seen := map[string]int{}
	out := make([]string, len(names))
	for i, n := range names {
		seen[n]++
		out[i] = n
		if seen[n] > 1 {
			out[i] = n + " (" + strconv.Itoa(seen[n]) + ")"
		}
	}
	return out
}

// HistoriographHeader documents historiograph.csv.
var HistoriographHeader = []string{"id", "label", "year", "title", "source", "lcs", "gcs", "lcr", "cites"}

// HistoriographTable is historiograph.csv: one row per record in year
// order with its local citation score (lcs: corpus records citing it),
// global citation score (gcs: the database's times cited), local cited
// references (lcr: corpus records it cites) and the ids of those records
// (cites, ";"-separated).
func HistoriographTable(c *graph.Corpus, h *graph.Historiograph) *export.Table {
	t := &export.Table{Header: HistoriographHeader}
	for i, w := range h.Works {
		wk := &c.Works[w]
		var cites []string
		for _, j := range h.Citations.Out(i) {
			cites = append(cites, c.Works[h.Works[j]].ID)
		}
		t.Rows = append(t.Rows, []string{
			wk.ID, wk.Label, export.Int(wk.Year, true), wk.Title, wk.Container,
			strconv.Itoa(h.LCS[i]), strconv.Itoa(h.GCS[i]), strconv.Itoa(h.LCR[i]), strings.Join(cites, ";"),
		})
	}
	return t
}

// HistoriographDOT draws the historiograph with dot, one rank per year
// (oldest at the top), arrows from citing to cited record, boxes as wide as
// the local citation score.
func HistoriographDOT(c *graph.Corpus, h *graph.Historiograph) *export.DOTGraph {
	citations := "citations among them"
	if h.Reduced {
		citations = "citations among them after transitive reduction"
	}
	d := &export.DOTGraph{
		Name: "historiograph", Directed: true,
		Comments:  []string{fmt.Sprintf("citegraph historiograph: %d records, %d %s, citing -> cited", len(h.Works), h.Citations.Size(), citations)},
		Graph:     []export.Attr{{Key: "rankdir", Value: "BT"}, {Key: "fontname", Value: "Helvetica"}, {Key: "newrank", Value: "true"}},
		NodeStyle: []export.Attr{{Key: "shape", Value: "box"}, {Key: "style", Value: "rounded,filled"}, {Key: "fillcolor", Value: "#fde9c8"}, {Key: "fontname", Value: "Helvetica"}, {Key: "fontsize", Value: "10"}},
		EdgeStyle: []export.Attr{{Key: "color", Value: "#00000066"}, {Key: "arrowsize", Value: "0.6"}},
	}
	for i, w := range h.Works {
		wk := &c.Works[w]
		d.Nodes = append(d.Nodes, export.DOTNode{ID: wk.ID, Attrs: []export.Attr{
			{Key: "label", Value: fmt.Sprintf("%s\nLCS %d, GCS %d", wk.Label, h.LCS[i], h.GCS[i])},
			{Key: "tooltip", Value: wk.Title},
		}})
	}
	for _, e := range h.Citations.Edges() {
		d.Edges = append(d.Edges, export.DOTEdge{From: c.Works[h.Works[e.From]].ID, To: c.Works[h.Works[e.To]].ID})
	}
	return d
}

// MainPathResult is a main path analysis.
type MainPathResult struct {
	Corpus *graph.Corpus
	// Works are the nodes of the analysed graph (the historiograph's
	// records, or every work), indexing SPC's components' members.
	Works []int32
	SPC   *metrics.SPCResult
	// On-path flags of each arc of SPC.Arcs().
	Arcs                    []metrics.Arc
	Local, Global, KeyRoute map[[2]int32]bool
	KeyRoutes               int
}

// MainPath runs main path analysis on the citations among corpus records
// (allWorks false) or on the whole citation graph, with k key routes.
func MainPath(c *graph.Corpus, allWorks bool, k int) *MainPathResult {
	var g *graph.Directed
	var works []int32
	if allWorks {
		g = c.Citations
		works = make([]int32, g.Order())
		for i := range works {
			works[i] = int32(i)
		}
	} else {
		h := graph.NewHistoriograph(c)
		g, works = h.Citations, h.Works
	}
	spc := metrics.SPC(g)
	set := func(arcs []metrics.Arc) map[[2]int32]bool {
		m := map[[2]int32]bool{}
		for _, a := range arcs {
			m[[2]int32{a.From, a.To}] = true
		}
		return m
	}
	return &MainPathResult{
		Corpus: c, Works: works, SPC: spc, Arcs: spc.Arcs(), KeyRoutes: k,
		Local: set(spc.LocalMainPath()), Global: set(spc.GlobalMainPath()), KeyRoute: set(spc.KeyRouteMainPath(k, false)),
	}
}

// componentName names a condensed node by its works' ids ("+"-joined when
// a citation cycle made several works one node).
func (m *MainPathResult) componentName(c int32, label bool) string {
	var s []string
	for _, v := range m.SPC.Members[c] {
		w := &m.Corpus.Works[m.Works[v]]
		if label {
			s = append(s, w.Label)
		} else {
			s = append(s, w.ID)
		}
	}
	return strings.Join(s, "+")
}

// MainPathHeader documents mainpath.csv.
var MainPathHeader = []string{"cited", "citing", "cited_label", "citing_label", "spc", "local", "global", "key_route"}

// Table is mainpath.csv: every arc of the condensed citation DAG, from the
// cited work to the citing one (ids and labels; works in a citation cycle
// joined by "+"), with its search path count and whether it lies on the
// local (priority-first), global (largest total SPC) and key-route main
// paths. Arcs are ordered by SPC, the largest first.
func (m *MainPathResult) Table() *export.Table {
	t := &export.Table{Header: MainPathHeader}
	for _, a := range m.Arcs {
		k := [2]int32{a.From, a.To}
		t.Rows = append(t.Rows, []string{
			m.componentName(a.From, false), m.componentName(a.To, false),
			m.componentName(a.From, true), m.componentName(a.To, true), export.Float(a.SPC),
			strconv.FormatBool(m.Local[k]), strconv.FormatBool(m.Global[k]), strconv.FormatBool(m.KeyRoute[k]),
		})
	}
	return t
}

// DOT draws the union of the three main paths with dot, older works at the
// top, arrows in the direction knowledge flows (cited → citing), arcs
// labelled with their SPC and drawn bold on the global main path.
func (m *MainPathResult) DOT() *export.DOTGraph {
	d := &export.DOTGraph{
		Name: "mainpath", Directed: true,
		Comments: []string{fmt.Sprintf("citegraph main paths (local, global, key-route with %d key routes) by search path count; %v source-to-sink paths", m.KeyRoutes, m.SPC.Paths),
			"arcs run cited -> citing; bold arcs are on the global main path"},
		Graph:     []export.Attr{{Key: "rankdir", Value: "TB"}, {Key: "fontname", Value: "Helvetica"}},
		NodeStyle: []export.Attr{{Key: "shape", Value: "box"}, {Key: "style", Value: "rounded"}, {Key: "fontname", Value: "Helvetica"}, {Key: "fontsize", Value: "10"}},
		EdgeStyle: []export.Attr{{Key: "fontname", Value: "Helvetica"}, {Key: "fontsize", Value: "8"}},
	}
	on := map[int32]bool{}
	var arcs []metrics.Arc
	for _, a := range m.Arcs {
		k := [2]int32{a.From, a.To}
		if m.Local[k] || m.Global[k] || m.KeyRoute[k] {
			arcs = append(arcs, a)
			on[a.From], on[a.To] = true, true
		}
	}
	var nodes []int32
	for c := range on {
		nodes = append(nodes, c)
	}
	slices.Sort(nodes)
	for _, c := range nodes {
		d.Nodes = append(d.Nodes, export.DOTNode{ID: m.componentName(c, false), Attrs: []export.Attr{{Key: "label", Value: m.componentName(c, true)}}})
	}
	slices.SortFunc(arcs, func(x, y metrics.Arc) int { return cmp.Or(cmp.Compare(x.From, y.From), cmp.Compare(x.To, y.To)) })
	for _, a := range arcs {
		attrs := []export.Attr{{Key: "label", Value: export.Float(a.SPC)}}
		if m.Global[[2]int32{a.From, a.To}] {
			attrs = append(attrs, export.Attr{Key: "penwidth", Value: "2.5"})
		}
		d.Edges = append(d.Edges, export.DOTEdge{From: m.componentName(a.From, false), To: m.componentName(a.To, false), Attrs: attrs})
	}
	return d
}

// BurstsHeader documents bursts.csv.
var BurstsHeader = []string{"id", "label", "year", "citations", "begin", "end", "duration", "strength", "centrality", "sigma"}

// BurstRow is one burst of one cited work.
type BurstRow struct {
	Work        int32
	Citations   int
	Begin, End  int // years
	Strength    float64
	Centrality  float64 // normalised betweenness in the co-citation network; NaN when not computed
	StrongestOf bool    // the work's strongest burst (the one sigma uses)
}

// CitationBursts detects the citation bursts of every work cited at least
// minCitations times: r_t counts the corpus records of year t citing it, d_t
// all corpus records of year t (Kleinberg's batches are the years from the
// first to the last record). Rows are ordered by begin year, then strength.
func CitationBursts(c *graph.Corpus, minCitations int, opts metrics.BurstOptions) ([]BurstRow, error) {
	g := c.Citations
	first, last := 0, 0
	for i := range c.Works {
		if y := c.Works[i].Year; c.Works[i].InCorpus && y != 0 {
			if first == 0 || y < first {
				first = y
			}
			last = max(last, y)
		}
	}
	if first == 0 {
		return nil, nil
	}
	nb := last - first + 1
	d := make([]int, nb)
	for i := range c.Works {
		if y := c.Works[i].Year; c.Works[i].InCorpus && y != 0 {
			d[y-first]++
		}
	}
	var rows []BurstRow
	r := make([]int, nb)
	for v := 0; v < g.Order(); v++ {
		if g.InDegree(v) < max(1, minCitations) {
			continue
		}
		clear(r)
		for _, u := range g.In(v) {
			if y := c.Works[u].Year; c.Works[u].InCorpus && y != 0 {
				r[y-first]++
			}
		}
		bs, err := metrics.Bursts(r, d, opts)
		if err != nil {
			return nil, err
		}
		strongest := -1
		for i, b := range bs {
			if strongest < 0 || b.Strength > bs[strongest].Strength {
				strongest = i
			}
		}
		for i, b := range bs {
			rows = append(rows, BurstRow{Work: int32(v), Citations: g.InDegree(v), Begin: first + b.Begin, End: first + b.End,
				Strength: b.Strength, StrongestOf: i == strongest})
		}
	}
	slices.SortStableFunc(rows, func(a, b BurstRow) int {
		return cmp.Or(cmp.Compare(a.Begin, b.Begin), cmp.Compare(b.Strength, a.Strength))
	})
	return rows, nil
}

// AddSigma fills each burst's centrality — the normalised betweenness of its
// work in the co-citation network (unweighted shortest paths; 0 outside it)
// — for CiteSpace's sigma = (centrality + 1)^strength of the strongest burst.
func AddSigma(rows []BurstRow, cocitation *graph.Projection) {
	n := cocitation.Order()
	var es []graph.Edge
	for _, e := range cocitation.Edges() {
		es = append(es, graph.Edge{From: e.A, To: e.B}, graph.Edge{From: e.B, To: e.A})
	}
	bc := metrics.Betweenness(graph.NewDirected(n, es))
	central := map[int32]float64{}
	for v, m := range cocitation.Members {
		if n > 2 {
			// Directed counts over ordered pairs: the undirected normalised
			// value divides by (n−1)(n−2).
			central[m] = bc[v] / float64((n-1)*(n-2))
		}
	}
	for i := range rows {
		rows[i].Centrality = central[rows[i].Work]
	}
}

// BurstsTable is bursts.csv: id, label and year of the cited work, its
// citations in the corpus, the burst's begin and end years, duration
// (years), strength, and — when AddSigma ran — centrality and sigma (on the
// row of the work's strongest burst).
func BurstsTable(c *graph.Corpus, rows []BurstRow, withSigma bool) *export.Table {
	t := &export.Table{Header: BurstsHeader}
	for _, b := range rows {
		w := &c.Works[b.Work]
		cent, sigma := "", ""
		if withSigma {
			cent = export.Float(b.Centrality)
			if b.StrongestOf {
				sigma = export.Float(metrics.Sigma(b.Centrality, b.Strength))
			}
		}
		t.Rows = append(t.Rows, []string{
			w.ID, w.Label, export.Int(w.Year, true), strconv.Itoa(b.Citations), strconv.Itoa(b.Begin), strconv.Itoa(b.End),
			strconv.Itoa(b.End - b.Begin + 1), export.Float(b.Strength), cent, sigma,
		})
	}
	return t
}

// RPYSTable is rpys.csv: for every reference publication year, the cited
// references (every input reference counts, so a work cited n times counts
// n times; a duplicate counts once, as its twin), the median of the five-year window t−2..t+2 and the deviation
// from it (Marx et al. 2014).
func RPYSTable(c *graph.Corpus, minYear, maxYear int) *export.Table {
	years := make([]int, 0, len(c.Refs))
	for _, r := range c.Refs {
		if r.Match != resolve.MatchDuplicate {
			years = append(years, c.Works[r.Work].Year)
		}
	}
	t := &export.Table{Header: []string{"year", "references", "median", "deviation"}}
	for _, y := range metrics.RPYS(years, minYear, maxYear) {
		t.Rows = append(t.Rows, []string{strconv.Itoa(y.Year), strconv.Itoa(y.References), export.Float(y.Median), export.Float(y.Deviation)})
	}
	return t
}
