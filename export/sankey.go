package export

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
)

// Sankey is a flow diagram in columns (time slices): nodes stacked in
// each column, as tall as their value, and links between nodes of
// consecutive columns, as wide at either end as their value there.
type Sankey struct {
	Title   string
	Columns []string // column headings, left to right
	Nodes   []SankeyNode
	Links   []SankeyLink
	Legend  []LegendEntry
}

// SankeyNode is a node of a Sankey diagram.
type SankeyNode struct {
	Column int
	Label  string
	Value  float64
	Color  string
	Detail string // shown when the pointer rests on the node
}

// SankeyLink joins two nodes (indexes into Nodes) of consecutive columns.
type SankeyLink struct {
	Source, Target           int
	SourceValue, TargetValue float64
	Detail                   string
}

// LegendEntry names a colour.
type LegendEntry struct{ Label, Color string }

// WriteHTML writes the diagram as one HTML page holding an SVG drawing, with
// the details as tooltips (SVG <title>); it needs no script and opens
// offline. Every text is escaped.
func (s *Sankey) WriteHTML(w io.Writer) error {
	const width, top, bottom, left, right, nodeWidth, gap = 1200.0, 70.0, 40.0, 30.0, 30.0, 18.0, 14.0
	height := 760.0
	cols := max(1, len(s.Columns))
	// One scale for every column: the fullest column fills the height.
	total := make([]float64, cols)
	count := make([]int, cols)
	for _, n := range s.Nodes {
		total[n.Column] += n.Value
		count[n.Column]++
	}
	scale := math.Inf(1)
	for c := range total {
		if total[c] > 0 {
			scale = math.Min(scale, (height-top-bottom-gap*float64(max(0, count[c]-1)))/total[c])
		}
	}
	if math.IsInf(scale, 1) {
		scale = 1
	}
	colX := func(c int) float64 {
		if cols == 1 {
			return left
		}
		return left + float64(c)*(width-left-right-nodeWidth)/float64(cols-1)
	}
	// Stack each column's nodes, the largest first.
	y := make([]float64, len(s.Nodes))
	for c := range cols {
		var idx []int
		for i, n := range s.Nodes {
			if n.Column == c {
				idx = append(idx, i)
			}
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(s.Nodes[b].Value, s.Nodes[a].Value) })
		at := top
		for _, i := range idx {
			y[i] = at
			at += s.Nodes[i].Value*scale + gap
		}
	}
	// Links leave and enter each node in the order of the other end's height.
	out, in := make([]float64, len(s.Nodes)), make([]float64, len(s.Nodes))
	order := make([]int, len(s.Links))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		la, lb := s.Links[a], s.Links[b]
		return cmp.Or(cmp.Compare(y[la.Source], y[lb.Source]), cmp.Compare(y[la.Target], y[lb.Target]))
	})
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	bw := bufio.NewWriter(w)
	bw.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + xmlEscape(s.Title) + "</title>\n")
	bw.WriteString("<style>body{font-family:Helvetica,Arial,sans-serif;margin:16px;color:#222}path.link{fill-opacity:.35}path.link:hover{fill-opacity:.7}" +
		"rect.node:hover{stroke:#000;stroke-width:2}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 14px;vertical-align:middle}</style></head><body>\n")
	bw.WriteString("<h1 style=\"font-size:20px\">" + xmlEscape(s.Title) + "</h1>\n<p class=\"legend\">")
	for _, l := range s.Legend {
		bw.WriteString("<span style=\"background:" + xmlEscape(l.Color) + "\"></span>" + xmlEscape(l.Label))
	}
	bw.WriteString("</p>\n")
	fmt.Fprintf(bw, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" font-size=\"12\">\n", f(width), f(height), f(width), f(height))
	for c, h := range s.Columns {
		fmt.Fprintf(bw, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", f(colX(c)+nodeWidth/2), f(top-30), xmlEscape(h))
	}
	for _, i := range order {
		l := s.Links[i]
		a, b := s.Nodes[l.Source], s.Nodes[l.Target]
		x0, x1 := colX(a.Column)+nodeWidth, colX(b.Column)
		y0, y1 := y[l.Source]+out[l.Source], y[l.Target]+in[l.Target]
		w0, w1 := l.SourceValue*scale, l.TargetValue*scale
		out[l.Source] += w0
		in[l.Target] += w1
		mid := (x0 + x1) / 2
		fmt.Fprintf(bw, "<path class=\"link\" fill=\"%s\" d=\"M%s %s C%s %s %s %s %s %s L%s %s C%s %s %s %s %s %sZ\"><title>%s</title></path>\n",
			xmlEscape(a.Color), f(x0), f(y0), f(mid), f(y0), f(mid), f(y1), f(x1), f(y1),
			f(x1), f(y1+w1), f(mid), f(y1+w1), f(mid), f(y0+w0), f(x0), f(y0+w0), xmlEscape(l.Detail))
	}
	for i, n := range s.Nodes {
		x := colX(n.Column)
		h := math.Max(1, n.Value*scale)
		fmt.Fprintf(bw, "<g><title>%s</title><rect class=\"node\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>", xmlEscape(n.Detail), f(x), f(y[i]), f(nodeWidth), f(h), xmlEscape(n.Color))
		anchor, tx := "start", x+nodeWidth+4
		if n.Column == cols-1 && cols > 1 {
			anchor, tx = "end", x-4
		}
		fmt.Fprintf(bw, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">%s</text></g>\n", f(tx), f(y[i]+h/2+4), anchor, xmlEscape(n.Label))
	}
	bw.WriteString("</svg>\n</body></html>\n")
	return bw.Flush()
}
