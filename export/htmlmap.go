package export

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"slices"
	"strings"
)

// assets are the map's page, script and style, and Cytoscape.js (see
// assets/README.md for its version, licence and checksum).
//
//go:embed assets/map.html assets/map.css assets/map.js assets/cytoscape.min.js
var assets embed.FS

// MapRecord is a citing record listed when a work of the map is clicked.
type MapRecord struct {
	ID, Label, Title string
}

// HTMLMap is the interactive map of a network: one HTML file holding its
// data, Cytoscape.js and the page's script, which opens offline.
type HTMLMap struct {
	Title    string
	Note     string   // a line under the legend: what was left out, how it was made
	Network  *Network // laid out (ForceAtlas2 runs when it is not)
	MaxLinks int      // draws the network's Backbone: these strongest links and each node's strongest; 0 draws all
	CitedBy  [][]int  // per node, the records citing it, by index into Records
	Records  []MapRecord
	// Overlay, when set, colours the nodes by a score instead of by cluster.
	Overlay *Overlay
	// Item names the nodes in the page's texts: "work" (the default),
	// "keyword", "author", …; Hint replaces the page's opening help and
	// ByLabel its "Cited by" over a node's records.
	Item, Hint, ByLabel string
}

// mapData is the JSON the page reads.
type mapData struct {
	Title      string      `json:"title"`
	Columns    []string    `json:"columns"`
	Nodes      []mapNode   `json:"nodes"`
	Edges      [][3]any    `json:"edges"`
	Records    [][3]string `json:"records"`
	LinksTotal int         `json:"linksTotal"`
	Overlay    *mapOverlay `json:"overlay,omitempty"`
	Item       string      `json:"item,omitempty"`
	Hint       string      `json:"hint,omitempty"`
	ByLabel    string      `json:"byLabel,omitempty"`
}

// mapOverlay tells the page how nodes are coloured: the score's name, the
// range of the colour scale and the scale's colours.
type mapOverlay struct {
	Label  string   `json:"label"`
	Min    float64  `json:"min"`
	Max    float64  `json:"max"`
	Colors []string `json:"colors"`
}

type mapNode struct {
	ID      string   `json:"id"`
	Label   string   `json:"label"`
	Cluster int      `json:"cluster"`
	Color   string   `json:"color"`
	Size    float64  `json:"size"`
	X       float64  `json:"x"`
	Y       float64  `json:"y"`
	Values  []string `json:"values"`
	By      []int    `json:"by"`
}

// WriteHTMLMap writes the map: nodes sized by citations and coloured by
// cluster at their layout positions, labels shown as one zooms in, a search
// by author or title, and, for a clicked work, its attributes and the
// records citing it. The data are embedded as JSON in a <script
// type="application/json"> element with <, >, &, U+2028 and U+2029
// escaped, and the page puts every text in through textContent, so no
// title can inject markup or script.
func WriteHTMLMap(w io.Writer, m *HTMLMap) error {
	n := m.Network
	if !n.Layout {
		laid := *n
		laid.Nodes = slices.Clone(n.Nodes)
		opt := DefaultLayout(1)
		opt.MaxLinks = m.MaxLinks
		ForceAtlas2(&laid, opt)
		n = &laid
	}
	d := mapData{Title: m.Title, LinksTotal: n.Size(), Nodes: make([]mapNode, len(n.Nodes)), Records: make([][3]string, len(m.Records)),
		Item: m.Item, Hint: m.Hint, ByLabel: m.ByLabel}
	var scores []float64
	if m.Overlay != nil {
		var lo, hi float64
		var ok bool
		if scores, lo, hi, ok = overlayScale(n, m.Overlay.Column); !ok {
			return fmt.Errorf("map: no column %q to colour the nodes by", m.Overlay.Column)
		}
		d.Overlay = &mapOverlay{Label: m.Overlay.Label, Min: lo, Max: hi, Colors: viridis}
	}
	for _, c := range n.Columns {
		d.Columns = append(d.Columns, c.Name)
	}
	// Positions are scaled to an extent that grows with the number of
	// nodes, so that node sizes (4 to ~40) read well against the spacing.
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, nd := range n.Nodes {
		minX, maxX = math.Min(minX, nd.X), math.Max(maxX, nd.X)
		minY, maxY = math.Min(minY, nd.Y), math.Max(maxY, nd.Y)
	}
	span := math.Max(maxX-minX, maxY-minY)
	scale := 1.0
	if span > 0 {
		scale = math.Max(200, 40*math.Sqrt(float64(len(n.Nodes)))) / span
	}
	for i, nd := range n.Nodes {
		by := []int{}
		if i < len(m.CitedBy) && m.CitedBy[i] != nil {
			by = m.CitedBy[i]
		}
		vals := nd.Values
		if vals == nil {
			vals = []string{}
		}
		d.Nodes[i] = mapNode{ID: nd.ID, Label: nd.Label, Cluster: nd.Cluster, Color: ClusterColor(nd.Cluster), Size: NodeSize(nd.Weight),
			X: math.Round((nd.X-minX)*scale*100) / 100, Y: math.Round((nd.Y-minY)*scale*100) / 100, Values: vals, By: by}
		if d.Overlay != nil {
			d.Nodes[i].Color = overlayColor(scores[i], d.Overlay.Min, d.Overlay.Max)
		}
	}
	links := Backbone(n, m.MaxLinks)
	d.Edges = make([][3]any, len(links))
	for i, l := range links {
		d.Edges[i] = [3]any{l.Source, l.Target, l.Weight}
	}
	for i, r := range m.Records {
		d.Records[i] = [3]string{r.ID, r.Label, r.Title}
	}
	var data bytes.Buffer
	enc := json.NewEncoder(&data)
	enc.SetEscapeHTML(true) // <, >, & as \u003c…; U+2028/9 are always escaped
	if err := enc.Encode(d); err != nil {
		return err
	}
	part := func(name string) string {
		b, err := assets.ReadFile("assets/" + name)
		if err != nil {
			panic(err) // embedded: cannot happen
		}
		return string(b)
	}
	page := strings.NewReplacer(
		"{{TITLE}}", html.EscapeString(m.Title),
		"{{NOTE}}", html.EscapeString(m.Note),
		"{{CSS}}", part("map.css"),
		"{{DATA}}", strings.TrimSpace(data.String()),
		"{{CYTOSCAPE}}", part("cytoscape.min.js"),
		"{{MAPJS}}", part("map.js"),
	).Replace(part("map.html"))
	bw := bufio.NewWriter(w)
	bw.WriteString(page)
	return bw.Flush()
}
