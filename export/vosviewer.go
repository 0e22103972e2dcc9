package export

import (
	"bufio"
	"html"
	"io"
	"strconv"
	"strings"
)

// VOSviewer writes n for VOSviewer (https://www.vosviewer.com): a map file,
// a network file, and VOSviewer Online's JSON. Items are numbered from 1 in
// the order of n.Nodes.
type VOSviewer struct {
	*Network
	// Scores are numeric columns written as VOSviewer's scores, for its
	// overlay visualization: a column "score<Label>" in the map file,
	// "scores" in the JSON. A node without a value has an empty cell.
	Scores []VOSScore
}

// VOSScore names a Network column to write as a score.
type VOSScore struct{ Column, Label string }

// scoreCells returns, per node, the cells of the scores present in the
// network, and their labels.
func (v VOSviewer) scoreCells() (labels []string, cells [][]string) {
	var cols []int
	for _, s := range v.Scores {
		if c := v.column(s.Column); c >= 0 {
			cols = append(cols, c)
			labels = append(labels, s.Label)
		}
	}
	cells = make([][]string, len(v.Nodes))
	for i, nd := range v.Nodes {
		for _, c := range cols {
			x, ok := typedValue(TypeDouble, nd.Values[c])
			if !ok {
				x = ""
			}
			cells[i] = append(cells[i], x)
		}
	}
	return labels, cells
}

// vosText makes s a VOSviewer cell: one line without tabs, its double
// quotes made single (VOSviewer has no escape for them), and enclosed in
// double quotes when it holds a comma or semicolon, as VOSviewer asks
// (https://app.vosviewer.com/docs/file-types/map-and-network-file-type).
func vosText(s string) string {
	s = strings.ReplaceAll(oneLine(s), `"`, "'")
	if strings.ContainsAny(s, ",;") {
		s = `"` + s + `"`
	}
	return s
}

// vosMaxCluster is the largest cluster number VOSviewer accepts; items of
// smaller clusters, numbered past it, are left without one.
const vosMaxCluster = 1000

// WriteMap writes the tab-separated map file with the header VOSviewer
// reads: id, label, cluster, weight<Citations>, weight<Links>,
// weight<Total link strength>, score<…> for each score, and x, y when n
// has a layout. A node without a cluster (or past cluster 1000) has an
// empty cluster cell.
func (v VOSviewer) WriteMap(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("id\tlabel\tcluster\tweight<Citations>\tweight<Links>\tweight<Total link strength>")
	labels, scores := v.scoreCells()
	for _, l := range labels {
		bw.WriteString("\tscore<" + vosText(l) + ">")
	}
	if v.Layout {
		bw.WriteString("\tx\ty")
	}
	bw.WriteString("\n")
	links, strength := v.Degrees()
	for i, nd := range v.Nodes {
		cluster := ""
		if nd.Cluster > 0 && nd.Cluster <= vosMaxCluster {
			cluster = strconv.Itoa(nd.Cluster)
		}
		bw.WriteString(strconv.Itoa(i+1) + "\t" + vosText(nd.Label) + "\t" + cluster + "\t" + Float(nd.Weight) + "\t" + strconv.Itoa(links[i]) + "\t" + Float(strength[i]))
		for _, s := range scores[i] {
			bw.WriteString("\t" + s)
		}
		if v.Layout {
			bw.WriteString("\t" + strconv.FormatFloat(nd.X, 'f', 4, 64) + "\t" + strconv.FormatFloat(nd.Y, 'f', 4, 64))
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// WriteNetwork writes the network file: one "id1 id2 strength" line per
// link, tab-separated.
func (v VOSviewer) WriteNetwork(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, l := range v.Links {
		bw.WriteString(strconv.Itoa(l.Source+1) + "\t" + strconv.Itoa(l.Target+1) + "\t" + Float(l.Weight) + "\n")
	}
	return bw.Flush()
}

// WriteJSON writes VOSviewer Online's JSON: network.items with id, label,
// cluster, weights, x, y and an HTML description (its text escaped), and
// network.links with source_id, target_id, strength.
func (v VOSviewer) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriter(w)
	links, strength := v.Degrees()
	labels, scores := v.scoreCells()
	desc := func(nd *Node) string {
		var parts []string
		for _, col := range []string{"title", "authors", "year", "source", "doi"} {
			if i := v.column(col); i >= 0 && nd.Values[i] != "" {
				parts = append(parts, "<tr><td>"+col+"</td><td>"+html.EscapeString(nd.Values[i])+"</td></tr>")
			}
		}
		if len(parts) == 0 {
			return ""
		}
		return "<table>" + strings.Join(parts, "") + "</table>"
	}
	bw.WriteString(`{"config":{"terminology":{"item":"` + vosItem(v.Network) + `","items":"` + vosItem(v.Network) + `s","link":"link","links":"links","link_strength":"link strength","total_link_strength":"total link strength"}},` + "\n")
	bw.WriteString(`"network":{"items":[` + "\n")
	for i := range v.Nodes {
		nd := &v.Nodes[i]
		if i > 0 {
			bw.WriteString(",\n")
		}
		bw.WriteString(`{"id":` + strconv.Itoa(i+1) + `,"label":` + jsonString(nd.Label))
		if d := desc(nd); d != "" {
			bw.WriteString(`,"description":` + jsonString(d))
		}
		if nd.Cluster > 0 && nd.Cluster <= vosMaxCluster {
			bw.WriteString(`,"cluster":` + strconv.Itoa(nd.Cluster))
		}
		if v.Layout {
			bw.WriteString(`,"x":` + strconv.FormatFloat(nd.X, 'f', 4, 64) + `,"y":` + strconv.FormatFloat(nd.Y, 'f', 4, 64))
		}
		bw.WriteString(`,"weights":{"Citations":` + Float(nd.Weight) + `,"Links":` + strconv.Itoa(links[i]) + `,"Total link strength":` + Float(strength[i]) + `}`)
		var sc []string
		for k, s := range scores[i] {
			if s != "" {
				sc = append(sc, jsonString(labels[k])+":"+s)
			}
		}
		if len(sc) > 0 {
			bw.WriteString(`,"scores":{` + strings.Join(sc, ",") + `}`)
		}
		bw.WriteString(`}`)
	}
	bw.WriteString("\n],\n" + `"links":[` + "\n")
	for i, l := range v.Links {
		if i > 0 {
			bw.WriteString(",\n")
		}
		bw.WriteString(`{"source_id":` + strconv.Itoa(l.Source+1) + `,"target_id":` + strconv.Itoa(l.Target+1) + `,"strength":` + Float(l.Weight) + `}`)
	}
	bw.WriteString("\n]}}\n")
	return bw.Flush()
}

// vosItem names the items: works, or authors for an author network.
func vosItem(n *Network) string {
	if n.column("author") >= 0 && n.column("title") < 0 {
		return "author"
	}
	return "work"
}
