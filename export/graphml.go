package export

import (
	"bufio"
	"io"
	"strconv"
)

// WriteGraphML writes n as GraphML (http://graphml.graphdrawing.org/), which
// networkx, igraph, yEd, Gephi and Cytoscape read. Every column becomes a
// typed <key> (attr.type int, double, boolean or string) except "id", which
// is the node's id; the label, cluster, colour and, with a layout, x and y
// are keys too. Links carry their weight. A missing value has no <data>.
func WriteGraphML(w io.Writer, n *Network) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	if n.Description != "" {
		bw.WriteString("  <desc>" + xmlEscape(n.Description) + "</desc>\n")
	}
	type key struct {
		id  string
		col int // index in n.Columns, or -1
	}
	var keys []key
	addKey := func(id, name string, t AttrType, col int) {
		bw.WriteString(`  <key id="` + id + `" for="node" attr.name="` + xmlEscape(name) + `" attr.type="` + t.graphMLType() + `"/>` + "\n")
		keys = append(keys, key{id, col})
	}
	hasLabel, hasCluster := n.column("label") >= 0, n.column("cluster") >= 0
	for i, c := range n.Columns {
		if c.Name != "id" {
			addKey("d"+strconv.Itoa(i), c.Name, c.Type, i)
		}
	}
	if !hasLabel {
		addKey("label", "label", TypeString, -1)
	}
	if !hasCluster {
		addKey("cluster", "cluster", TypeInt, -1)
	}
	addKey("color", "color", TypeString, -1)
	if n.Layout {
		addKey("x", "x", TypeDouble, -1)
		addKey("y", "y", TypeDouble, -1)
	}
	bw.WriteString(`  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>` + "\n")
	def := "undirected"
	if n.Directed {
		def = "directed"
	}
	bw.WriteString(`  <graph id="` + xmlEscape(n.Name) + `" edgedefault="` + def + `">` + "\n")
	for _, nd := range n.Nodes {
		bw.WriteString(`    <node id="` + xmlEscape(nd.ID) + `">`)
		for _, k := range keys {
			var v string
			var ok bool
			switch {
			case k.col >= 0:
				v, ok = typedValue(n.Columns[k.col].Type, nd.Values[k.col])
			case k.id == "label":
				v, ok = nd.Label, true
			case k.id == "cluster":
				v, ok = strconv.Itoa(nd.Cluster), nd.Cluster > 0
			case k.id == "color":
				v, ok = ClusterColor(nd.Cluster), true
			case k.id == "x":
				v, ok = Float(nd.X), true
			case k.id == "y":
				v, ok = Float(nd.Y), true
			}
			if ok {
				bw.WriteString(`<data key="` + k.id + `">` + xmlEscape(v) + `</data>`)
			}
		}
		bw.WriteString("</node>\n")
	}
	for _, l := range n.Links {
		bw.WriteString(`    <edge source="` + xmlEscape(n.Nodes[l.Source].ID) + `" target="` + xmlEscape(n.Nodes[l.Target].ID) + `"><data key="weight">` + Float(l.Weight) + "</data></edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}
