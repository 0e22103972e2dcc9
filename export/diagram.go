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

// StrategicDiagram is a two-axis diagram cut into quadrants at two median
// lines, such as the thematic map's centrality-density diagram: points
// placed at (X, Y), sized by Size.
type StrategicDiagram struct {
	Title        string
	XAxis, YAxis string
	XMedian      float64
	YMedian      float64
	Quadrants    [4]string // upper right, upper left, lower left, lower right
	Points       []DiagramPoint
}

// DiagramPoint is one point of a StrategicDiagram.
type DiagramPoint struct {
	ID, Label string
	X, Y      float64
	Size      float64 // area of the circle, relative to the others
	Color     string  // "#rrggbb"
	Detail    string  // shown when the pointer rests on the point
}

// bounds returns the diagram's extent on each axis: the points' and the
// medians', with a margin of a tenth.
func (d *StrategicDiagram) bounds() (x0, x1, y0, y1, maxSize float64) {
	x0, x1, y0, y1 = d.XMedian, d.XMedian, d.YMedian, d.YMedian
	for _, p := range d.Points {
		x0, x1 = math.Min(x0, p.X), math.Max(x1, p.X)
		y0, y1 = math.Min(y0, p.Y), math.Max(y1, p.Y)
		maxSize = math.Max(maxSize, p.Size)
	}
	pad := func(lo, hi float64) (float64, float64) {
		if hi == lo {
			return lo - 1, hi + 1
		}
		m := (hi - lo) / 10
		return lo - m, hi + m
	}
	x0, x1 = pad(x0, x1)
	y0, y1 = pad(y0, y1)
	return x0, x1, y0, y1, maxSize
}

// radius is a point's radius in pixels: its area proportional to its size.
func radius(size, maxSize float64) float64 {
	if maxSize <= 0 {
		return 8
	}
	return 6 + 34*math.Sqrt(size/maxSize)
}

// WriteSVG draws the diagram as a standalone SVG image: the two median
// lines, the quadrants' names in their corners, every point as a circle
// with its label, and its detail as a tooltip (an SVG <title>). Every text
// is escaped.
func (d *StrategicDiagram) WriteSVG(w io.Writer) error {
	const width, height, left, right, top, bottom = 960.0, 720.0, 70.0, 30.0, 50.0, 60.0
	x0, x1, y0, y1, maxSize := d.bounds()
	px := func(x float64) float64 { return left + (x-x0)/(x1-x0)*(width-left-right) }
	py := func(y float64) float64 { return height - bottom - (y-y0)/(y1-y0)*(height-top-bottom) }
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="Helvetica, Arial, sans-serif">`+"\n", f(width), f(height), f(width), f(height))
	fmt.Fprintf(bw, `<title>%s</title>`+"\n", xmlEscape(d.Title))
	bw.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
	fmt.Fprintf(bw, `<text x="%s" y="28" font-size="18" font-weight="bold">%s</text>`+"\n", f(left), xmlEscape(d.Title))
	// Frame, median lines and quadrant names.
	fmt.Fprintf(bw, `<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="#999999"/>`+"\n", f(left), f(top), f(width-left-right), f(height-top-bottom))
	mx, my := px(d.XMedian), py(d.YMedian)
	fmt.Fprintf(bw, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#666666" stroke-dasharray="6 4"/>`+"\n", f(mx), f(top), f(mx), f(height-bottom))
	fmt.Fprintf(bw, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#666666" stroke-dasharray="6 4"/>`+"\n", f(left), f(my), f(width-right), f(my))
	corner := []struct {
		x, y   float64
		anchor string
	}{{width - right - 10, top + 22, "end"}, {left + 10, top + 22, "start"}, {left + 10, height - bottom - 12, "start"}, {width - right - 10, height - bottom - 12, "end"}}
	for i, q := range d.Quadrants {
		c := corner[i]
		fmt.Fprintf(bw, `<text x="%s" y="%s" text-anchor="%s" font-size="16" fill="#888888" font-style="italic">%s</text>`+"\n", f(c.x), f(c.y), c.anchor, xmlEscape(q))
	}
	// Axes' names and the ends of their ranges.
	fmt.Fprintf(bw, `<text x="%s" y="%s" text-anchor="middle" font-size="14">%s →</text>`+"\n", f((left+width-right)/2), f(height-18), xmlEscape(d.XAxis))
	fmt.Fprintf(bw, `<text transform="translate(22 %s) rotate(-90)" text-anchor="middle" font-size="14">%s →</text>`+"\n", f((top+height-bottom)/2), xmlEscape(d.YAxis))
	tick := func(v float64) string { return strconv.FormatFloat(v, 'g', 3, 64) }
	fmt.Fprintf(bw, `<g font-size="11" fill="#666666"><text x="%s" y="%s" text-anchor="middle">%s</text><text x="%s" y="%s" text-anchor="end">%s</text>`+
		`<text x="%s" y="%s" text-anchor="end">median %s</text><text x="%s" y="%s" text-anchor="middle">median %s</text></g>`+"\n",
		f(left), f(height-bottom+16), tick(x0), f(left-6), f(height-bottom), tick(y0),
		f(left-6), f(my+4), tick(d.YMedian), f(mx), f(height-bottom+16), tick(d.XMedian))
	// Points, largest first so that small ones stay visible.
	order := make([]int, len(d.Points))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(d.Points[b].Size, d.Points[a].Size) })
	for _, i := range order {
		p := d.Points[i]
		fmt.Fprintf(bw, `<g class="point" id="%s"><title>%s</title><circle cx="%s" cy="%s" r="%s" fill="%s" fill-opacity="0.75" stroke="#333333"/>`+
			`<text x="%s" y="%s" text-anchor="middle" font-size="13" paint-order="stroke" stroke="#ffffff" stroke-width="3">%s</text></g>`+"\n",
			xmlEscape("p"+p.ID), xmlEscape(p.Detail), f(px(p.X)), f(py(p.Y)), f(radius(p.Size, maxSize)), xmlEscape(p.Color),
			f(px(p.X)), f(py(p.Y)+4), xmlEscape(p.Label))
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

// DOT draws the diagram for neato: each point pinned at its place (pos
// with "!"), the median lines as dashed edges between pinned points, the
// quadrants' names in the corners.
func (d *StrategicDiagram) DOT(name, comment string) *DOTGraph {
	const w, h = 10.0, 7.5 // inches
	x0, x1, y0, y1, maxSize := d.bounds()
	pos := func(x, y float64) string {
		return strconv.FormatFloat((x-x0)/(x1-x0)*w, 'f', 3, 64) + "," + strconv.FormatFloat((y-y0)/(y1-y0)*h, 'f', 3, 64) + "!"
	}
	g := &DOTGraph{Name: name, Comments: []string{comment},
		Graph:     []Attr{{Key: "layout", Value: "neato"}, {Key: "notranslate", Value: "true"}, {Key: "fontname", Value: "Helvetica"}, {Key: "label", Value: d.Title}, {Key: "labelloc", Value: "t"}},
		NodeStyle: []Attr{{Key: "shape", Value: "circle"}, {Key: "style", Value: "filled"}, {Key: "fontname", Value: "Helvetica"}, {Key: "fontsize", Value: "11"}, {Key: "fixedsize", Value: "true"}},
		EdgeStyle: []Attr{{Key: "style", Value: "dashed"}, {Key: "color", Value: "#666666"}},
	}
	axis := func(id string, x, y float64) {
		g.Nodes = append(g.Nodes, DOTNode{ID: id, Attrs: []Attr{{Key: "shape", Value: "point"}, {Key: "width", Value: "0.01"}, {Key: "pos", Value: pos(x, y)}}})
	}
	axis("_x0", x0, d.YMedian)
	axis("_x1", x1, d.YMedian)
	axis("_y0", d.XMedian, y0)
	axis("_y1", d.XMedian, y1)
	g.Edges = append(g.Edges, DOTEdge{From: "_x0", To: "_x1"}, DOTEdge{From: "_y0", To: "_y1"})
	corners := [4][2]float64{{x1, y1}, {x0, y1}, {x0, y0}, {x1, y0}}
	for i, q := range d.Quadrants {
		g.Nodes = append(g.Nodes, DOTNode{ID: "_q" + strconv.Itoa(i+1), Attrs: []Attr{{Key: "shape", Value: "plaintext"}, {Key: "fixedsize", Value: "false"},
			{Key: "label", Value: q}, {Key: "fontcolor", Value: "#888888"}, {Key: "pos", Value: pos(corners[i][0], corners[i][1])}}})
	}
	for _, p := range d.Points {
		g.Nodes = append(g.Nodes, DOTNode{ID: p.ID, Attrs: []Attr{
			{Key: "label", Value: p.Label}, {Key: "tooltip", Value: p.Detail}, {Key: "fillcolor", Value: p.Color},
			{Key: "width", Value: strconv.FormatFloat(radius(p.Size, maxSize)/36, 'f', 2, 64)},
			{Key: "pos", Value: pos(p.X, p.Y)},
		}})
	}
	return g
}
