package analysis

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/export"
)

// Formats are the output formats, in the order they are written:
//
//	csv        the tables: works.csv, references.csv, citations.csv, …
//	dot        Graphviz: <network>.dot
//	graphml    <network>.graphml (networkx, igraph, yEd, Gephi, Cytoscape)
//	gexf       <network>.gexf (Gephi)
//	pajek      <network>.net, .clu (clusters) and .vec (citations)
//	vosviewer  <network>_vosviewer_map.txt, _vosviewer_network.txt and
//	           _vosviewer.json (VOSviewer Online)
//	json       <network>.json (node-link: networkx, d3, graphology) and
//	           <network>.cyjs (Cytoscape.js, Cytoscape)
//	parquet    works, references, citations and cocitation .parquet, typed;
//	           from an analysis also authorships and work_sources .parquet
//	           (AuthorshipsTable, WorkSourcesTable), for NetworkSQL
//	html       map.html: the co-citation map, one file that opens offline
//
// The networks are citations, cocitation and author_cocitation.
var Formats = []string{"csv", "dot", "graphml", "gexf", "pajek", "vosviewer", "json", "parquet", "html"}

// DefaultFormats is what analyze writes unless told otherwise.
const DefaultFormats = "csv,dot,html"

// ParseFormats reads a comma-separated list of formats, or "all". The result
// is in the order of Formats, without repeats.
func ParseFormats(list string) ([]string, error) {
	want := map[string]bool{}
	for _, f := range strings.Split(list, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		switch {
		case f == "":
		case f == "all":
			for _, g := range Formats {
				want[g] = true
			}
		case slices.Contains(Formats, f):
			want[f] = true
		default:
			return nil, fmt.Errorf("unknown format %q (formats: %s, or all)", f, strings.Join(Formats, ", "))
		}
	}
	if len(want) == 0 {
		return nil, errors.New("no format given")
	}
	var out []string
	for _, f := range Formats {
		if want[f] {
			out = append(out, f)
		}
	}
	return out, nil
}

// Tables are the CSV tables of an analysis: what the other formats are
// made of, whether the analysis has just run or its folder is read back.
type Tables struct {
	Works, References, Citations, CoCitation, Clusters, Authors, AuthorCoCitation, Matches *export.Table
}

// tableFiles names the tables' files.
func (t *Tables) tableFiles() []struct {
	name  string
	table *export.Table
} {
	return []struct {
		name  string
		table *export.Table
	}{
		{"works.csv", t.Works}, {"references.csv", t.References}, {"citations.csv", t.Citations},
		{"cocitation.csv", t.CoCitation}, {"clusters.csv", t.Clusters}, {"authors.csv", t.Authors},
		{"author_cocitation.csv", t.AuthorCoCitation}, {"matches.csv", t.Matches},
	}
}

// ReadTables reads the tables of an output folder written by analyze.
// works.csv is required; a missing references.csv, clusters.csv or
// network table is an empty table. A folder a run was interrupted while
// writing is refused (export.ErrIncomplete).
func ReadTables(dir string) (*Tables, error) {
	if err := export.CheckComplete(dir); err != nil {
		return nil, err
	}
	t := &Tables{}
	for _, f := range []struct {
		name     string
		dst      **export.Table
		header   []string
		key      int // the first key columns must be there; the others may be missing
		required bool
	}{
		{"works.csv", &t.Works, WorksHeader, 2, true},
		{"references.csv", &t.References, ReferencesHeader, 4, false},
		{"citations.csv", &t.Citations, CitationsHeader, 2, false},
		{"cocitation.csv", &t.CoCitation, LinksHeader, 3, false},
		{"clusters.csv", &t.Clusters, ClustersHeader, 2, false},
		{"authors.csv", &t.Authors, AuthorsHeader, 1, false},
		{"author_cocitation.csv", &t.AuthorCoCitation, LinksHeader, 3, false},
		{"matches.csv", &t.Matches, MatchesHeader, 4, false},
	} {
		tab, err := readTable(filepath.Join(dir, f.name), f.header, f.key)
		if errors.Is(err, fs.ErrNotExist) && !f.required {
			tab, err = &export.Table{Header: f.header}, nil
		}
		if err != nil {
			return nil, err
		}
		*f.dst = tab
	}
	return t, nil
}

// readTable reads a CSV table whose header must hold the first key columns
// of want; the result has exactly the columns of want, in that order, those
// missing from the file empty (an output of an older citegraph).
func readTable(path string, want []string, key int) (*export.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file", path)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	idx := make([]int, len(want))
	for i, w := range want {
		idx[i] = slices.Index(header, w)
		if idx[i] < 0 && i < key {
			return nil, fmt.Errorf("%s: no column %q (is this a citegraph output folder?)", path, w)
		}
	}
	t := &export.Table{Header: want}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		row := make([]string, len(want))
		for i, j := range idx {
			if j >= 0 {
				row[i] = rec[j]
			}
		}
		t.Rows = append(t.Rows, row)
	}
}

// columnTypes types the tables' columns in the typed formats; other
// columns are text.
var columnTypes = map[string]export.AttrType{
	"year": export.TypeInt, "in_corpus": export.TypeBool, "citations": export.TypeInt, "references": export.TypeInt,
	"pagerank": export.TypeDouble, "hub": export.TypeDouble, "authority": export.TypeDouble, "betweenness": export.TypeDouble,
	"cluster": export.TypeInt, "works": export.TypeInt, "count": export.TypeDouble, "position": export.TypeInt,
	"line": export.TypeInt, "size": export.TypeInt, "modularity": export.TypeDouble, "min_citations": export.TypeInt,
}

// Columns types a table's header.
func Columns(header []string) []export.Column {
	cols := make([]export.Column, len(header))
	for i, h := range header {
		cols[i] = export.Column{Name: h, Type: columnTypes[h]}
	}
	return cols
}

// The networks, by file name stem.
const (
	CitationsNetwork        = "citations"
	CoCitationNetwork       = "cocitation"
	AuthorCoCitationNetwork = "author_cocitation"
)

// newNetwork is an empty network of the name: citations, cocitation or
// author_cocitation.
func newNetwork(name string) (*export.Network, error) {
	n := &export.Network{Name: name}
	switch name {
	case CitationsNetwork:
		n.Directed = true
		n.Description = "citegraph citation network: a link from each citing work to each work it cites"
	case CoCitationNetwork:
		n.Description = "citegraph co-citation network: works linked once per record citing both"
	case AuthorCoCitationNetwork:
		n.Description = "citegraph author co-citation network: first authors linked once per record citing both"
	default:
		return nil, fmt.Errorf("no network %q", name)
	}
	return n, nil
}

// Network builds one of the networks from the tables: citations (directed,
// every work), cocitation (the works in the co-citation network) or
// author_cocitation (the authors in theirs). Nodes carry every column of
// works.csv (authors.csv for authors); links are in node order.
func (t *Tables) Network(name string) (*export.Network, error) {
	var nodes, links *export.Table
	var inNetwork func(row []string) bool
	idCol, labelCol := "id", "label"
	n, err := newNetwork(name)
	if err != nil {
		return nil, err
	}
	switch name {
	case CitationsNetwork:
		nodes, links = t.Works, t.Citations
		inNetwork = func([]string) bool { return true }
	case CoCitationNetwork:
		nodes, links = t.Works, t.CoCitation
	case AuthorCoCitationNetwork:
		nodes, links = t.Authors, t.AuthorCoCitation
		idCol, labelCol = "author", "author"
	}
	col := func(tab *export.Table, name string) int { return slices.Index(tab.Header, name) }
	id, label, cluster, cites := col(nodes, idCol), col(nodes, labelCol), col(nodes, "cluster"), col(nodes, "citations")
	if id < 0 || label < 0 {
		return nil, fmt.Errorf("%s: the node table lacks %s or %s", name, idCol, labelCol)
	}
	a, b := 0, 1 // link endpoints: the first two columns (citing,cited or a,b)
	w := col(links, "count")
	endpoints := map[string]bool{}
	for _, l := range links.Rows {
		endpoints[l[a]], endpoints[l[b]] = true, true
	}
	if inNetwork == nil {
		// The projection's nodes: those with a cluster (isolated ones
		// included) or a link.
		inNetwork = func(row []string) bool { return (cluster >= 0 && row[cluster] != "") || endpoints[row[id]] }
	}
	n.Columns = Columns(nodes.Header)
	index := map[string]int{}
	for _, row := range nodes.Rows {
		if !inNetwork(row) {
			continue
		}
		if _, dup := index[row[id]]; dup {
			return nil, fmt.Errorf("%s: %s %q appears twice", name, idCol, row[id])
		}
		nd := export.Node{ID: row[id], Label: row[label], Values: row}
		if cluster >= 0 {
			nd.Cluster, _ = strconv.Atoi(row[cluster])
		}
		if cites >= 0 {
			nd.Weight, _ = strconv.ParseFloat(row[cites], 64)
		}
		index[row[id]] = len(n.Nodes)
		n.Nodes = append(n.Nodes, nd)
	}
	for _, l := range links.Rows {
		s, ok1 := index[l[a]]
		d, ok2 := index[l[b]]
		if !ok1 || !ok2 {
			missing := l[a]
			if ok1 {
				missing = l[b]
			}
			return nil, fmt.Errorf("%s: a link names %q, which is not a node", name, missing)
		}
		weight := 1.0
		if w >= 0 {
			var err error
			if weight, err = strconv.ParseFloat(l[w], 64); err != nil {
				return nil, fmt.Errorf("%s: link %s–%s: weight %q", name, l[a], l[b], l[w])
			}
		}
		if !n.Directed && d < s {
			s, d = d, s
		}
		n.Links = append(n.Links, export.Link{Source: s, Target: d, Weight: weight})
	}
	slices.SortStableFunc(n.Links, func(x, y export.Link) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target))
	})
	return n, nil
}

// ExportOptions tune the files made from the tables.
type ExportOptions struct {
	Seed        uint64 // seeds the map layout
	DOTMaxEdges int    // DOT files keep this many of the strongest links; 0 keeps all
	MapMaxLinks int    // maps draw and lay out this many of the strongest links, and each node's strongest; 0 all
	Overlay     string // map.html colours works by "year" or "citations"; "" by cluster
}

// DefaultExportOptions match analyze's defaults.
func DefaultExportOptions() ExportOptions {
	return ExportOptions{Seed: 1, DOTMaxEdges: 1000, MapMaxLinks: 5000}
}

// Files lists the files of the chosen formats, all made from the tables.
func (t *Tables) Files(formats []string, opt ExportOptions) ([]export.File, error) {
	return formatFiles(t, formats, opt)
}

// FormatFiles lists the output files of the chosen formats for a finished
// analysis, made from the analysis itself: its tables are written row by
// row as they are made, never held whole.
func (r *Result) FormatFiles(formats []string) ([]export.File, error) {
	opt := DefaultExportOptions()
	opt.Seed, opt.DOTMaxEdges, opt.Overlay = r.Options.Seed, r.Options.DOTMaxEdges, r.Options.Overlay
	return formatFiles(r, formats, opt)
}

// newCoCitationMap is map.html around the co-citation network n, its
// records still to be listed.
func newCoCitationMap(n *export.Network, opt ExportOptions) *export.HTMLMap {
	m := &export.HTMLMap{Title: mapTitle, Network: n, MaxLinks: opt.MapMaxLinks, CitedBy: make([][]int, len(n.Nodes))}
	if opt.Overlay != "" {
		m.Overlay = &export.Overlay{Column: opt.Overlay, Label: overlayLabels[opt.Overlay]}
	}
	return m
}

// exportSource is what the output formats are made from: a finished
// analysis (*Result), or the tables of an output folder read back
// (*Tables).
type exportSource interface {
	// csvFiles are the tables as CSV files.
	csvFiles() []export.File
	// parquetFiles are works, references, citations and cocitation as
	// Parquet files.
	parquetFiles() []export.File
	// network builds one of the networks (see Tables.Network). When
	// drawn > 0, Links may hold only the network's Backbone of drawn
	// links, all that a drawing of that many needs.
	network(name string, drawn int) (*export.Network, error)
	// ownDOT draws a network for Graphviz in the source's own way; nil
	// when the network is to be drawn by networkDOT.
	ownDOT(name string) func() *export.DOTGraph
	// coCitationMap is map.html around the co-citation network n.
	coCitationMap(n *export.Network, opt ExportOptions) *export.HTMLMap
}

// networkNames are the networks, in the order their files are listed.
var networkNames = []string{CitationsNetwork, CoCitationNetwork, AuthorCoCitationNetwork}

// formatFiles lists the files of the chosen formats made from src.
func formatFiles(src exportSource, formats []string, opt ExportOptions) ([]export.File, error) {
	var files []export.File
	add := func(name string, write func(io.Writer) error) {
		files = append(files, export.File{Name: name, Write: write})
	}
	has := func(f string) bool { return slices.Contains(formats, f) }
	// Networks are built only when a format draws them, and laid out only
	// when a format shows the layout: the network formats all of them, the
	// map the co-citation one.
	layoutAll := slices.ContainsFunc(formats, func(f string) bool {
		return f != "csv" && f != "dot" && f != "parquet" && f != "html"
	})
	// drawn is how many links of a network its files draw: the DOT
	// file's and the map's strongest (0 when a file holds every link).
	drawn := func(name string) (int, bool) {
		dot, html := has("dot") && src.ownDOT(name) == nil, has("html") && name == CoCitationNetwork
		switch {
		case layoutAll || dot && opt.DOTMaxEdges == 0 || html && opt.MapMaxLinks == 0:
			return 0, true
		case dot && html:
			return max(opt.DOTMaxEdges, opt.MapMaxLinks), true
		case dot:
			return opt.DOTMaxEdges, true
		case html:
			return opt.MapMaxLinks, true
		}
		return 0, false
	}
	// Each network is built, and laid out, on its own goroutine while the
	// tables are written; the files drawing it wait for it.
	nets := map[string]*futureNetwork{}
	for _, name := range networkNames {
		links, needed := drawn(name)
		if !needed {
			continue
		}
		fn := &futureNetwork{done: make(chan struct{})}
		go func() {
			defer close(fn.done)
			if fn.n, fn.err = src.network(name, links); fn.err != nil {
				return
			}
			if !fn.n.Directed && (layoutAll || has("html") && name == CoCitationNetwork) {
				layout := export.DefaultLayout(opt.Seed)
				layout.MaxLinks = opt.MapMaxLinks
				export.ForceAtlas2(fn.n, layout)
			}
		}()
		nets[name] = fn
	}
	// drawing is a file drawing a network: it waits for the network, then
	// writes it.
	drawing := func(name, file string, write func(w io.Writer, n *export.Network) error) {
		fn := nets[name]
		add(file, func(w io.Writer) error {
			<-fn.done
			if fn.err != nil {
				return fn.err
			}
			return write(w, fn.n)
		})
	}
	for _, f := range Formats {
		if !has(f) {
			continue
		}
		switch f {
		case "csv":
			files = append(files, src.csvFiles()...)
			continue
		case "parquet":
			files = append(files, src.parquetFiles()...)
			continue
		case "html":
			drawing(CoCitationNetwork, "map.html", func(w io.Writer, n *export.Network) error {
				return export.WriteHTMLMap(w, src.coCitationMap(n, opt))
			})
			continue
		}
		for _, name := range networkNames {
			switch f {
			case "dot":
				if draw := src.ownDOT(name); draw != nil {
					add(name+".dot", func(w io.Writer) error { return export.WriteDOT(w, draw()) })
				} else {
					drawing(name, name+".dot", func(w io.Writer, n *export.Network) error {
						return export.WriteDOT(w, networkDOT(n, opt.DOTMaxEdges))
					})
				}
			case "graphml":
				drawing(name, name+".graphml", export.WriteGraphML)
			case "gexf":
				drawing(name, name+".gexf", export.WriteGEXF)
			case "pajek":
				drawing(name, name+".net", pajek(export.Pajek.WriteNet))
				drawing(name, name+".clu", pajek(export.Pajek.WriteClusters))
				drawing(name, name+".vec", pajek(export.Pajek.WriteVector))
			case "vosviewer":
				drawing(name, name+"_vosviewer_map.txt", vosviewer(export.VOSviewer.WriteMap))
				drawing(name, name+"_vosviewer_network.txt", vosviewer(export.VOSviewer.WriteNetwork))
				drawing(name, name+"_vosviewer.json", vosviewer(export.VOSviewer.WriteJSON))
			case "json":
				drawing(name, name+".json", export.WriteNodeLink)
				drawing(name, name+".cyjs", export.WriteCytoscape)
			}
		}
	}
	return files, nil
}

// pajek and vosviewer turn a method of the Pajek or VOSviewer writers
// into a writer of the network.
func pajek(write func(export.Pajek, io.Writer) error) func(io.Writer, *export.Network) error {
	return func(w io.Writer, n *export.Network) error { return write(export.Pajek{Network: n}, w) }
}

func vosviewer(write func(export.VOSviewer, io.Writer) error) func(io.Writer, *export.Network) error {
	return func(w io.Writer, n *export.Network) error {
		return write(export.VOSviewer{Network: n, Scores: vosScores}, w)
	}
}

// futureNetwork is a network being built on another goroutine: n and err
// are set when done is closed.
type futureNetwork struct {
	done chan struct{}
	n    *export.Network
	err  error
}

// csvFiles writes the tables read.
func (t *Tables) csvFiles() []export.File {
	var files []export.File
	for _, tf := range t.tableFiles() {
		files = append(files, TableFile(tf.name, tf.table))
	}
	return files
}

// parquetTables are the tables written as Parquet too.
var parquetTables = []string{"works", "references", "citations", "cocitation"}

func (t *Tables) parquetFiles() []export.File {
	var files []export.File
	for _, tf := range t.tableFiles() {
		if name := strings.TrimSuffix(tf.name, ".csv"); slices.Contains(parquetTables, name) {
			files = append(files, export.File{Name: name + ".parquet", Write: func(w io.Writer) error {
				return export.WriteParquet(w, name, tf.table.Header, slices.Values(tf.table.Rows), Columns(tf.table.Header))
			}})
		}
	}
	return files
}

func (t *Tables) network(name string, _ int) (*export.Network, error) { return t.Network(name) }

func (t *Tables) ownDOT(string) func() *export.DOTGraph { return nil }

// coCitationMap is map.html: the co-citation network with, for each work,
// the records of the corpus citing it.
func (t *Tables) coCitationMap(n *export.Network, opt ExportOptions) *export.HTMLMap {
	index := map[string]int{}
	for i, nd := range n.Nodes {
		index[nd.ID] = i
	}
	m := newCoCitationMap(n, opt)
	works := map[string][]string{}
	id, label, title := slices.Index(t.Works.Header, "id"), slices.Index(t.Works.Header, "label"), slices.Index(t.Works.Header, "title")
	for _, row := range t.Works.Rows {
		works[row[id]] = row
	}
	record := map[string]int{}
	for _, c := range t.Citations.Rows {
		node, ok := index[c[1]]
		if !ok {
			continue
		}
		r, ok := record[c[0]]
		if !ok {
			r = len(m.Records)
			record[c[0]] = r
			rec := export.MapRecord{ID: c[0], Label: c[0]}
			if row := works[c[0]]; row != nil {
				rec.Label, rec.Title = row[label], row[title]
			}
			m.Records = append(m.Records, rec)
		}
		m.CitedBy[node] = append(m.CitedBy[node], r)
	}
	m.Note = mapNote(m, opt, t.minCitations())
	return m
}

// minCitations is the least number of citations of the works of the
// co-citation network, from clusters.csv (1 when it does not say).
func (t *Tables) minCitations() int {
	col := slices.Index(t.Clusters.Header, "min_citations")
	if col < 0 || len(t.Clusters.Rows) == 0 {
		return 1
	}
	k, err := strconv.Atoi(t.Clusters.Rows[0][col])
	if err != nil {
		return 1
	}
	return k
}

// mapTitle heads map.html.
const mapTitle = "citegraph co-citation map"

// mapNote is the line under the map's legend: what it shows (the works
// cited at least minCitations times) and how it was made.
func mapNote(m *export.HTMLMap, opt ExportOptions, minCitations int) string {
	n := m.Network
	plural := func(k int, one, many string) string {
		if k == 1 {
			return "1 " + one
		}
		return strconv.Itoa(k) + " " + many
	}
	works := plural(len(n.Nodes), "work", "works")
	if minCitations > 1 {
		works += fmt.Sprintf(" (those cited at least %d times, --min-citations)", minCitations)
	}
	links := plural(n.Size(), "co-citation link", "co-citation links") + " drawn"
	if shown := len(export.Backbone(n, opt.MapMaxLinks)); shown < n.Size() {
		links = fmt.Sprintf("%d of %s: the %d strongest and each work's strongest (--map-max-links)", shown, links, opt.MapMaxLinks)
	}
	return fmt.Sprintf("%s cited in %s; %s; laid out by ForceAtlas2 with seed %d. Made by citegraph.",
		works, plural(len(m.Records), "record", "records"), links, opt.Seed)
}

// networkDOT draws a network for Graphviz in the style of CitationsDOT and
// CoCitationDOT, keeping the maxEdges strongest links (0: all).
func networkDOT(n *export.Network, maxEdges int) *export.DOTGraph {
	links := slices.Clone(n.Links)
	if n.Directed {
		// The links to the most cited works, as CitationsDOT keeps.
		slices.SortStableFunc(links, func(x, y export.Link) int { return cmp.Compare(n.Nodes[y.Target].Weight, n.Nodes[x.Target].Weight) })
	} else {
		slices.SortStableFunc(links, func(x, y export.Link) int { return cmp.Compare(y.Weight, x.Weight) })
	}
	kept := links
	if maxEdges > 0 && len(links) > maxEdges {
		kept = links[:maxEdges]
	}
	slices.SortFunc(kept, func(x, y export.Link) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target))
	})
	d := &export.DOTGraph{Name: n.Name, Directed: n.Directed,
		Comments: append([]string{n.Description + ";"}, trimNote(len(kept), n.Size(), "--dot-max-edges")...)}
	if n.Directed {
		d.Graph = []export.Attr{{Key: "rankdir", Value: "BT"}, {Key: "overlap", Value: "false"}, {Key: "fontname", Value: "Helvetica"}}
		d.NodeStyle = []export.Attr{{Key: "shape", Value: "box"}, {Key: "style", Value: "rounded,filled"}, {Key: "fontname", Value: "Helvetica"}, {Key: "fontsize", Value: "10"}}
		d.EdgeStyle = []export.Attr{{Key: "color", Value: "#00000066"}, {Key: "arrowsize", Value: "0.6"}}
	} else {
		d.Graph = []export.Attr{{Key: "layout", Value: "sfdp"}, {Key: "overlap", Value: "prism"}, {Key: "outputorder", Value: "edgesfirst"}, {Key: "fontname", Value: "Helvetica"}}
		d.NodeStyle = []export.Attr{{Key: "shape", Value: "circle"}, {Key: "style", Value: "filled"}, {Key: "fontname", Value: "Helvetica"}, {Key: "fontsize", Value: "10"}, {Key: "fixedsize", Value: "false"}}
		d.EdgeStyle = []export.Attr{{Key: "color", Value: "#88888888"}}
	}
	used := make([]bool, len(n.Nodes))
	maxW := 1.0
	for _, l := range kept {
		used[l.Source], used[l.Target] = true, true
		maxW = math.Max(maxW, l.Weight)
	}
	title := slices.IndexFunc(n.Columns, func(c export.Column) bool { return c.Name == "title" })
	inCorpus := slices.IndexFunc(n.Columns, func(c export.Column) bool { return c.Name == "in_corpus" })
	for i, nd := range n.Nodes {
		if !used[i] {
			continue
		}
		tip := nd.Label
		if title >= 0 {
			tip = nd.Values[title]
		}
		attrs := []export.Attr{{Key: "label", Value: nd.Label}, {Key: "tooltip", Value: tip}}
		if n.Directed {
			fill := "#ffffff"
			if inCorpus >= 0 && nd.Values[inCorpus] == "true" {
				fill = "#fde9c8"
			}
			attrs = append(attrs, export.Attr{Key: "fillcolor", Value: fill})
		} else {
			attrs = append(attrs,
				export.Attr{Key: "fillcolor", Value: clusterColor(nd.Cluster - 1)},
				export.Attr{Key: "width", Value: strconv.FormatFloat(0.3+0.15*math.Sqrt(nd.Weight), 'f', 2, 64)},
				export.Attr{Key: "cluster", Value: clusterName(nd.Cluster - 1)})
		}
		d.Nodes = append(d.Nodes, export.DOTNode{ID: nd.ID, Attrs: attrs})
	}
	for _, l := range kept {
		e := export.DOTEdge{From: n.Nodes[l.Source].ID, To: n.Nodes[l.Target].ID}
		if !n.Directed {
			e.Attrs = []export.Attr{
				{Key: "penwidth", Value: strconv.FormatFloat(0.5+3.5*l.Weight/maxW, 'f', 2, 64)},
				{Key: "weight", Value: export.Float(l.Weight)},
			}
		}
		d.Edges = append(d.Edges, e)
	}
	return d
}
