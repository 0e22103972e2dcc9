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

// Timeline is the timeline view of a clustered network, as CiteSpace draws
// it (Chen, Ibekwe-SanJuan & Hou 2010, doi:10.1002/asi.21309): each cluster
// a horizontal lane, its nodes placed along it at their year and sized by
// their occurrences, so that one sees when each cluster's works appeared
// and which of them it rests on.
type Timeline struct {
	Title string
	Note  string // a line under the axis: what the sizes are, what was left out
	Lanes []TimelineLane
}

// TimelineLane is one cluster of a Timeline.
type TimelineLane struct {
	Label string // "#1 spin transfer torque (349 works)"
	Color string // "#rrggbb"
	Items []TimelineItem
}

// TimelineItem is one node of a lane.
type TimelineItem struct {
	Label    string
	Year     int
	Size     float64 // area of the circle, relative to the other items
	Detail   string  // shown when the pointer rests on the item
	Labelled bool    // its label is written beside it
}

// yearRange is the span of the axis: from the second percentile of the
// items' years (a few classics of centuries past would squeeze the rest
// into a corner; they are drawn at the left edge) to the last year.
func (t *Timeline) yearRange() (first, last int, maxSize float64) {
	var years []int
	for _, l := range t.Lanes {
		for _, it := range l.Items {
			years = append(years, it.Year)
			maxSize = math.Max(maxSize, it.Size)
		}
	}
	if len(years) == 0 {
		return 0, 1, maxSize
	}
	slices.Sort(years)
	first, last = years[len(years)*2/100], years[len(years)-1]
	if first == last {
		first--
	}
	return first, last, maxSize
}

// yearStep is the spacing of the axis' ticks: 1, 2, 5, 10, 20, 50 or 100
// years, the least that makes at most twelve ticks.
func yearStep(span int) int {
	for _, s := range []int{1, 2, 5, 10, 20, 50} {
		if span/s <= 12 {
			return s
		}
	}
	return 100
}

// WriteSVG draws the timeline as a standalone SVG image: a year axis with
// ticks, one lane per cluster with its label at the left, each item a
// circle with its detail as a tooltip (an SVG <title>) and the labelled
// items' labels beside them, alternately above and below the lane, each
// pair a line further out. Items
// are drawn largest first so that small ones stay visible. Every text is
// escaped.
func (t *Timeline) WriteSVG(w io.Writer) error {
	const width, left, right, top, lane, bottom = 1200.0, 300.0, 40.0, 70.0, 64.0, 70.0
	height := top + lane*float64(max(1, len(t.Lanes))) + bottom
	first, last, maxSize := t.yearRange()
	px := func(year int) float64 {
		year = max(year, first)
		return left + float64(year-first)/float64(last-first)*(width-left-right)
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="Helvetica, Arial, sans-serif">`+"\n", f(width), f(height), f(width), f(height))
	fmt.Fprintf(bw, "<title>%s</title>\n", xmlEscape(t.Title))
	bw.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
	fmt.Fprintf(bw, `<text x="20" y="30" font-size="18" font-weight="bold">%s</text>`+"\n", xmlEscape(t.Title))
	// The year axis, above the lanes and again below them.
	axisBottom := height - bottom + 10
	step := yearStep(last - first)
	bw.WriteString(`<g font-size="11" fill="#666666" text-anchor="middle">` + "\n")
	for y := (first + step - 1) / step * step; y <= last; y += step {
		x := px(y)
		fmt.Fprintf(bw, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#eeeeee"/>`, f(x), f(top-10), f(x), f(axisBottom))
		fmt.Fprintf(bw, `<text x="%s" y="%s">%d</text><text x="%s" y="%s">%d</text>`+"\n", f(x), f(top-16), y, f(x), f(axisBottom+14), y)
	}
	fmt.Fprintf(bw, `<text x="%s" y="%s" text-anchor="start">≤ %d</text>`+"\n", f(left), f(axisBottom+30), first)
	bw.WriteString("</g>\n")
	for i, l := range t.Lanes {
		y := top + lane*(float64(i)+0.5)
		fmt.Fprintf(bw, `<g class="lane"><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-opacity="0.6"/>`,
			f(left), f(y), f(width-right), f(y), xmlEscape(l.Color))
		fmt.Fprintf(bw, `<text x="%s" y="%s" text-anchor="end" font-size="13" fill="%s">%s</text></g>`+"\n",
			f(left-12), f(y+4), xmlEscape(l.Color), xmlEscape(l.Label))
		order := make([]int, len(l.Items))
		for k := range order {
			order[k] = k
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(l.Items[b].Size, l.Items[a].Size) })
		labelled := 0
		for _, k := range order {
			it := l.Items[k]
			r := 2.5
			if maxSize > 0 {
				r += 13 * math.Sqrt(it.Size/maxSize)
			}
			x := px(it.Year)
			fmt.Fprintf(bw, `<g class="item"><title>%s</title><circle cx="%s" cy="%s" r="%s" fill="%s" fill-opacity="0.7" stroke="#333333" stroke-width="0.5"/>`,
				xmlEscape(it.Detail), f(x), f(y), f(r), xmlEscape(l.Color))
			if it.Labelled {
				// Above, below, then above the first, and so on.
				ly := y - r - 3 - 12*float64(labelled/2)
				if labelled%2 == 1 {
					ly = y + r + 11 + 12*float64(labelled/2)
				}
				labelled++
				fmt.Fprintf(bw, `<text x="%s" y="%s" text-anchor="middle" font-size="11" paint-order="stroke" stroke="#ffffff" stroke-width="3">%s</text>`,
					f(x), f(ly), xmlEscape(it.Label))
			}
			bw.WriteString("</g>\n")
		}
	}
	if t.Note != "" {
		fmt.Fprintf(bw, `<text x="20" y="%s" font-size="11" fill="#666666">%s</text>`+"\n", f(height-12), xmlEscape(t.Note))
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}
