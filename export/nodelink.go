package export

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// jsonString quotes s as a JSON string. <, >, &, U+2028 and U+2029 are
// escaped, so the JSON may sit inside an HTML <script> element; invalid
// UTF-8 becomes U+FFFD.
func jsonString(s string) string {
	b, _ := json.Marshal(s) // escapes HTML characters and U+2028/9
	return string(b)
}

// jsonValue writes a typed value as JSON: numbers and booleans bare, text
// quoted; ok is false for a missing value.
func jsonValue(t AttrType, s string) (string, bool) {
	v, ok := typedValue(t, s)
	if !ok {
		return "", false
	}
	switch t {
	case TypeString:
		return jsonString(v), true
	case TypeDouble:
		x, _ := strconv.ParseFloat(v, 64)
		return jsonFloat(x), true
	}
	return v, true
}

// jsonFloat writes x so that it reads back as a float, not an integer, in
// the readers that tell them apart (Python's json): 3 is written 3.0.
func jsonFloat(x float64) string {
	s := Float(x)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

// nodeFields writes a node's attributes as JSON object members, after a
// leading comma: the columns but id (typed, missing ones left out), then
// label and cluster when they are not columns, color, size, and x, y when
// xy is set and n has a layout.
func nodeFields(bw *bufio.Writer, n *Network, nd *Node, xy bool) {
	for i, c := range n.Columns {
		if c.Name == "id" {
			continue
		}
		if v, ok := jsonValue(c.Type, nd.Values[i]); ok {
			bw.WriteString("," + jsonString(c.Name) + ":" + v)
		}
	}
	if n.column("label") < 0 {
		bw.WriteString(`,"label":` + jsonString(nd.Label))
	}
	if n.column("cluster") < 0 && nd.Cluster > 0 {
		bw.WriteString(`,"cluster":` + strconv.Itoa(nd.Cluster))
	}
	bw.WriteString(`,"color":"` + ClusterColor(nd.Cluster) + `","size":` + jsonFloat(NodeSize(nd.Weight)))
	if n.Layout && xy {
		bw.WriteString(`,"x":` + jsonFloat(nd.X) + `,"y":` + jsonFloat(nd.Y))
	}
}

// WriteNodeLink writes n as node-link JSON, the shape networkx's
// node_link_graph (and node_link_data), d3-force and graphology read:
// {"directed", "multigraph", "graph", "nodes": [{"id", …}], "links":
// [{"source", "target", "weight"}]}. Node attributes are typed JSON values.
func WriteNodeLink(w io.Writer, n *Network) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"directed":` + strconv.FormatBool(n.Directed) + `,"multigraph":false,"graph":{"name":` + jsonString(n.Name))
	if n.Description != "" {
		bw.WriteString(`,"description":` + jsonString(n.Description))
	}
	bw.WriteString("},\n" + `"nodes":[` + "\n")
	for i := range n.Nodes {
		nd := &n.Nodes[i]
		if i > 0 {
			bw.WriteString(",\n")
		}
		bw.WriteString(`{"id":` + jsonString(nd.ID))
		nodeFields(bw, n, nd, true)
		bw.WriteString("}")
	}
	bw.WriteString("\n],\n" + `"links":[` + "\n")
	for i, l := range n.Links {
		if i > 0 {
			bw.WriteString(",\n")
		}
		bw.WriteString(`{"source":` + jsonString(n.Nodes[l.Source].ID) + `,"target":` + jsonString(n.Nodes[l.Target].ID) + `,"weight":` + jsonFloat(l.Weight) + "}")
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// WriteCytoscape writes n in Cytoscape.js's JSON (cy.json(), the .cyjs files
// Cytoscape imports): {"data", "directed", "elements": {"nodes": [{"data":
// {"id", "name", …}, "position"}], "edges": [{"data": {"id", "source",
// "target", "weight"}}]}}. Each node's data also holds its id as "value",
// the key networkx's cytoscape_graph reads.
func WriteCytoscape(w io.Writer, n *Network) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"format_version":"1.0","generated_by":"citegraph","target_cytoscapejs_version":"~3.0",` + "\n")
	bw.WriteString(`"data":{"name":` + jsonString(n.Name))
	if n.Description != "" {
		bw.WriteString(`,"description":` + jsonString(n.Description))
	}
	bw.WriteString(`},"directed":` + strconv.FormatBool(n.Directed) + `,"multigraph":false,` + "\n" + `"elements":{"nodes":[` + "\n")
	for i := range n.Nodes {
		nd := &n.Nodes[i]
		if i > 0 {
			bw.WriteString(",\n")
		}
		bw.WriteString(`{"data":{"id":` + jsonString(nd.ID) + `,"value":` + jsonString(nd.ID) + `,"name":` + jsonString(nd.Label))
		nodeFields(bw, n, nd, false)
		bw.WriteString("}")
		if n.Layout {
			bw.WriteString(`,"position":{"x":` + jsonFloat(nd.X) + `,"y":` + jsonFloat(nd.Y) + "}")
		}
		bw.WriteString("}")
	}
	bw.WriteString("\n],\n" + `"edges":[` + "\n")
	for i, l := range n.Links {
		if i > 0 {
			bw.WriteString(",\n")
		}
		bw.WriteString(`{"data":{"id":"e` + strconv.Itoa(i) + `","source":` + jsonString(n.Nodes[l.Source].ID) + `,"target":` + jsonString(n.Nodes[l.Target].ID) + `,"weight":` + jsonFloat(l.Weight) + "}}")
	}
	bw.WriteString("\n]}}\n")
	return bw.Flush()
}
