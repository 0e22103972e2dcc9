package export

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
)

// Pajek writes the Pajek files of n (http://mrvar.fdv.uni-lj.si/pajek/):
// the network (.net), the cluster partition (.clu) and the citations vector
// (.vec). Vertices are numbered from 1 in the order of n.Nodes.
//
// Pajek has no escape in its quoted labels, so a label's double quotes
// become single quotes, backslashes slashes, and line breaks spaces. Labels
// are the nodes' labels when these are unique, else their ids.
type Pajek struct{ *Network }

// Labels returns the vertex labels written in the .net file.
func (p Pajek) Labels() []string {
	labels := make([]string, len(p.Nodes))
	seen := map[string]bool{}
	unique := true
	for i, nd := range p.Nodes {
		labels[i] = pajekLabel(nd.Label)
		if labels[i] == "" || seen[labels[i]] {
			unique = false
		}
		seen[labels[i]] = true
	}
	if !unique {
		for i, nd := range p.Nodes {
			labels[i] = pajekLabel(nd.ID)
		}
	}
	return labels
}

func pajekLabel(s string) string {
	return strings.NewReplacer(`"`, "'", `\`, "/").Replace(oneLine(s))
}

// WriteNet writes the .net file: vertices with labels (and coordinates in
// [0, 1] when n has a layout), then *Edges or *Arcs with weights.
func (p Pajek) WriteNet(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("*Network " + pajekLabel(p.Name) + "\n")
	bw.WriteString("*Vertices " + strconv.Itoa(len(p.Nodes)) + "\n")
	var xs, ys []float64
	if p.Layout {
		xs, ys = unitScale(p.Network)
	}
	for i, label := range p.Labels() {
		bw.WriteString(strconv.Itoa(i+1) + ` "` + label + `"`)
		if p.Layout {
			bw.WriteString(" " + strconv.FormatFloat(xs[i], 'f', 4, 64) + " " + strconv.FormatFloat(ys[i], 'f', 4, 64) + " 0.5")
		}
		bw.WriteString("\n")
	}
	if p.Directed {
		bw.WriteString("*Arcs\n")
	} else {
		bw.WriteString("*Edges\n")
	}
	for _, l := range p.Links {
		bw.WriteString(strconv.Itoa(l.Source+1) + " " + strconv.Itoa(l.Target+1) + " " + Float(l.Weight) + "\n")
	}
	return bw.Flush()
}

// WriteClusters writes the .clu partition: each vertex's cluster, 0 for none.
func (p Pajek) WriteClusters(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("*Vertices " + strconv.Itoa(len(p.Nodes)) + "\n")
	for _, nd := range p.Nodes {
		bw.WriteString(strconv.Itoa(nd.Cluster) + "\n")
	}
	return bw.Flush()
}

// WriteVector writes the .vec vector: each vertex's citations.
func (p Pajek) WriteVector(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("*Vertices " + strconv.Itoa(len(p.Nodes)) + "\n")
	for _, nd := range p.Nodes {
		bw.WriteString(Float(nd.Weight) + "\n")
	}
	return bw.Flush()
}

// unitScale maps the layout into [0.05, 0.95]², keeping its aspect ratio,
// with y pointing down as Pajek draws it.
func unitScale(n *Network) (xs, ys []float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, nd := range n.Nodes {
		minX, maxX = math.Min(minX, nd.X), math.Max(maxX, nd.X)
		minY, maxY = math.Min(minY, nd.Y), math.Max(maxY, nd.Y)
	}
	span := math.Max(maxX-minX, maxY-minY)
	if !(span > 0) {
		span = 1
	}
	xs, ys = make([]float64, len(n.Nodes)), make([]float64, len(n.Nodes))
	for i, nd := range n.Nodes {
		xs[i] = 0.05 + 0.9*(nd.X-minX)/span
		ys[i] = 0.95 - 0.9*(nd.Y-minY)/span
	}
	return xs, ys
}
