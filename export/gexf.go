package export

import (
	"bufio"
	"io"
	"math"
	"strconv"
)

// WriteGEXF writes n as GEXF 1.3 (https://gexf.net), Gephi's format: every
// column except id and label as a typed node attribute (cluster among
// them), and each node's colour from its cluster, its size from its
// citations and, with a layout, its position as viz: elements.
func WriteGEXF(w io.Writer, n *Network) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n")
	bw.WriteString("  <meta>\n    <creator>citegraph</creator>\n")
	if n.Description != "" {
		bw.WriteString("    <description>" + xmlEscape(n.Description) + "</description>\n")
	}
	bw.WriteString("  </meta>\n")
	def := "undirected"
	if n.Directed {
		def = "directed"
	}
	bw.WriteString(`  <graph mode="static" defaultedgetype="` + def + `" name="` + xmlEscape(n.Name) + `">` + "\n")
	var attrs []int // columns written as attributes
	bw.WriteString(`    <attributes class="node" mode="static">` + "\n")
	for i, c := range n.Columns {
		if c.Name == "id" || c.Name == "label" {
			continue
		}
		attrs = append(attrs, i)
		t := c.Type.graphMLType()
		if c.Type == TypeInt {
			t = "integer"
		}
		bw.WriteString(`      <attribute id="` + strconv.Itoa(i) + `" title="` + xmlEscape(c.Name) + `" type="` + t + `"/>` + "\n")
	}
	clusterAttr := ""
	if n.column("cluster") < 0 {
		clusterAttr = "cluster"
		bw.WriteString(`      <attribute id="cluster" title="cluster" type="integer"/>` + "\n")
	}
	bw.WriteString("    </attributes>\n    <nodes>\n")
	for _, nd := range n.Nodes {
		bw.WriteString(`      <node id="` + xmlEscape(nd.ID) + `" label="` + xmlEscape(nd.Label) + `">` + "\n        <attvalues>")
		for _, i := range attrs {
			if v, ok := typedValue(n.Columns[i].Type, nd.Values[i]); ok {
				bw.WriteString(`<attvalue for="` + strconv.Itoa(i) + `" value="` + xmlEscape(v) + `"/>`)
			}
		}
		if clusterAttr != "" && nd.Cluster > 0 {
			bw.WriteString(`<attvalue for="cluster" value="` + strconv.Itoa(nd.Cluster) + `"/>`)
		}
		bw.WriteString("</attvalues>\n")
		r, g, b := rgb(ClusterColor(nd.Cluster))
		bw.WriteString(`        <viz:color r="` + strconv.Itoa(r) + `" g="` + strconv.Itoa(g) + `" b="` + strconv.Itoa(b) + `"/>`)
		bw.WriteString(`<viz:size value="` + Float(NodeSize(nd.Weight)) + `"/>`)
		if n.Layout {
			bw.WriteString(`<viz:position x="` + Float(nd.X) + `" y="` + Float(nd.Y) + `" z="0"/>`)
		}
		bw.WriteString("\n      </node>\n")
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	for i, l := range n.Links {
		bw.WriteString(`      <edge id="` + strconv.Itoa(i) + `" source="` + xmlEscape(n.Nodes[l.Source].ID) + `" target="` + xmlEscape(n.Nodes[l.Target].ID) + `" weight="` + Float(l.Weight) + `"/>` + "\n")
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

// NodeSize is the drawn size of a node with the given citations: its area
// grows with them, from 4 for none.
func NodeSize(citations float64) float64 {
	return math.Round((4+3*math.Sqrt(math.Max(citations, 0)))*100) / 100
}
