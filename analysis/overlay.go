package analysis

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/citegraph/citegraph/export"
)

// Overlays are the scores a map can be coloured by instead of clusters
// (VOSviewer's overlay visualization): "year" and "citations".
var Overlays = []string{"year", "citations"}

// ParseOverlay checks an --overlay value: "", "year" or "citations".
func ParseOverlay(s string) (string, error) {
	if s == "" || slices.Contains(Overlays, s) {
		return s, nil
	}
	return "", fmt.Errorf("unknown overlay %q (year or citations)", s)
}

// overlayLabels say in the map's legend what an overlay shows.
var overlayLabels = map[string]string{"year": "publication year", "citations": "citations"}

// vosScores are the columns written as VOSviewer scores when a network has
// them: a work's year and citations, a node's mean year and citations.
var vosScores = []export.VOSScore{
	{Column: "year", Label: "Pub. year"}, {Column: "citations", Label: "Citations"},
	{Column: "avg_year", Label: "Avg. pub. year"}, {Column: "avg_citations", Label: "Avg. citations"},
}

// NetworkNodesHeader is the node columns of a toolbox network in the
// graph formats: those of the nodes table, and the mean publication year
// and citations of the records behind each node.
var NetworkNodesHeader = append(slices.Clone(NodesHeader), "avg_year", "avg_citations")

// Network is the network in the graph formats' model: nodes with the
// nodes table's columns and avg_year (the mean publication year of the
// records behind the node: its own records in coupling, co-authorship and
// co-word networks, the records citing it in co-citation networks) and
// avg_citations (the mean of those records' citations: the database's
// count, WoS TC or Scopus "Cited by", where the input gives it, else the
// citations within the corpus), sized by occurrences, laid out by
// ForceAtlas2 with the seed; links with their counted weights.
func (r *NetworkResult) Network(seed uint64) *export.Network {
	n := &export.Network{Name: r.Name(), Columns: Columns(NetworkNodesHeader),
		Description: fmt.Sprintf("citegraph %s network of %s, %s counting", r.Options.Kind, r.Options.Level, r.Options.Counting)}
	rows := r.NodesTable().Rows
	byStrength := r.byStrength()
	index := make([]int, r.Raw.Order()) // node → position in n.Nodes
	g := r.Corpus.Citations
	for k, v := range byStrength {
		index[v] = k
		var years, cites []float64
		for _, w := range r.Records[v] {
			wk := &r.Corpus.Works[w]
			if wk.Year != 0 {
				years = append(years, float64(wk.Year))
			}
			c := g.InDegree(int(w))
			if wk.Record != nil && wk.Record.TimesCited > c {
				c = wk.Record.TimesCited
			}
			cites = append(cites, float64(c))
		}
		row := append(slices.Clone(rows[k]), meanCell(years), meanCell(cites))
		n.Nodes = append(n.Nodes, export.Node{ID: row[0], Label: row[1], Values: row,
			Cluster: r.Clusters.Membership[v] + 1, Weight: r.Raw.Occurrences[v]})
	}
	for _, e := range r.Raw.Edges() {
		a, b := index[e.A], index[e.B]
		n.Links = append(n.Links, export.Link{Source: min(a, b), Target: max(a, b), Weight: e.Weight})
	}
	slices.SortFunc(n.Links, func(x, y export.Link) int {
		if x.Source != y.Source {
			return x.Source - y.Source
		}
		return x.Target - y.Target
	})
	export.ForceAtlas2(n, export.DefaultLayout(seed))
	return n
}

// meanCell is the mean of xs with two decimals, "" for none.
func meanCell(xs []float64) string {
	if len(xs) == 0 {
		return ""
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return strconv.FormatFloat(math.Round(s/float64(len(xs))*100)/100, 'f', -1, 64)
}

// ExtraFormats are the formats a toolbox network writes besides its CSV
// tables and DOT file.
var ExtraFormats = []string{"html", "vosviewer", "timeline"}

// MapFiles are a toolbox network's map.html and VOSviewer files, as
// formats asks ("html", "vosviewer"): KIND_LEVEL_map.html, coloured by
// cluster or by the overlay ("year": avg_year; "citations": occurrences
// for co-citation, avg_citations otherwise), and
// KIND_LEVEL_vosviewer_map.txt, _network.txt and .json with the scores
// avg_year and avg_citations, and the timeline view of the clusters,
// KIND_LEVEL_timeline.svg and .csv (see Timeline and TimelineTable).
func (r *NetworkResult) MapFiles(formats []string, overlay string, seed uint64, maxLinks int) []export.File {
	base := r.Name()
	var files []export.File
	if slices.Contains(formats, "timeline") {
		t := r.Timeline(TimelineLanes)
		files = append(files, export.File{Name: base + "_timeline.svg", Write: t.WriteSVG}, TableFile(base+"_timeline.csv", r.TimelineTable()))
	}
	if !slices.Contains(formats, "html") && !slices.Contains(formats, "vosviewer") {
		return files
	}
	n := r.Network(seed) // laid out only for the formats that show it
	if slices.Contains(formats, "html") {
		m := &export.HTMLMap{Title: fmt.Sprintf("citegraph %s map of %s", r.Options.Kind, r.Options.Level), Network: n, MaxLinks: maxLinks,
			Item: itemNames[r.Options.Level], ByLabel: "In",
			Hint: "Nodes are " + itemNames[r.Options.Level] + "s, sized by occurrences and coloured by cluster (or by the overlay); links join nodes that share records. Scroll to zoom, drag to pan, click a node for its row and its records."}
		if r.Options.Kind == CoCitationKind {
			m.ByLabel = "Cited by"
		}
		if overlay != "" {
			col := "avg_" + overlay
			if overlay == "citations" && r.Options.Kind == CoCitationKind {
				col = "occurrences"
			}
			m.Overlay = &export.Overlay{Column: col, Label: "mean " + overlayLabels[overlay]}
		}
		m.CitedBy = make([][]int, len(n.Nodes))
		record := map[int32]int{}
		for k, v := range r.byStrength() {
			for _, w := range r.Records[v] {
				i, ok := record[w]
				if !ok {
					i = len(m.Records)
					record[w] = i
					wk := &r.Corpus.Works[w]
					m.Records = append(m.Records, export.MapRecord{ID: wk.ID, Label: wk.Label, Title: wk.Title})
				}
				m.CitedBy[k] = append(m.CitedBy[k], i)
			}
		}
		m.Note = fmt.Sprintf("%d nodes, %d links; laid out by ForceAtlas2 with seed %d. Made by citegraph.", len(n.Nodes), len(n.Links), seed)
		files = append(files, export.File{Name: base + "_map.html", Write: func(w io.Writer) error { return export.WriteHTMLMap(w, m) }})
	}
	if slices.Contains(formats, "vosviewer") {
		v := export.VOSviewer{Network: n, Scores: vosScores}
		files = append(files, export.File{Name: base + "_vosviewer_map.txt", Write: v.WriteMap},
			export.File{Name: base + "_vosviewer_network.txt", Write: v.WriteNetwork},
			export.File{Name: base + "_vosviewer.json", Write: v.WriteJSON})
	}
	return files
}

// itemNames name the nodes of each level.
var itemNames = map[string]string{
	DocumentLevel: "work", AuthorLevel: "author", SourceLevel: "source", CountryLevel: "country", InstitutionLevel: "institution",
	KeywordLevel: "keyword", AuthorKeywordLevel: "keyword", IndexKeywordLevel: "keyword", TermLevel: "term",
}
