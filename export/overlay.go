package export

import (
	"math"
	"slices"
	"strconv"
)

// Overlay colours the nodes of a map by a numeric column rather than by
// cluster, as VOSviewer's overlay visualization does (van Eck & Waltman
// 2010, "Software survey: VOSviewer, a computer program for bibliometric
// mapping", Scientometrics 84(2):523–538, doi:10.1007/s11192-009-0146-3):
// the average publication year of a keyword's documents, the citations of
// a work.
type Overlay struct {
	Column string // the Network column holding the scores
	Label  string // what they are, for the legend: "publication year"
}

// viridis is the colour scale of overlays (matplotlib's viridis, sampled;
// VOSviewer's default): dark blue for low scores, yellow for high.
var viridis = []string{"#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"}

// missingColor colours nodes without a score.
const missingColor = "#cccccc"

// overlayScale reads the overlay column of every node (NaN when missing)
// and the range the colours span: the 5th to the 95th percentile of the
// scores, so that a few outliers do not wash out the rest (scores beyond
// it take the end colours).
func overlayScale(n *Network, column string) (scores []float64, lo, hi float64, ok bool) {
	col := n.column(column)
	if col < 0 {
		return nil, 0, 0, false
	}
	scores = make([]float64, len(n.Nodes))
	var present []float64
	for i, nd := range n.Nodes {
		scores[i] = math.NaN()
		if x, err := strconv.ParseFloat(nd.Values[col], 64); err == nil && !math.IsInf(x, 0) {
			scores[i] = x
			present = append(present, x)
		}
	}
	if len(present) == 0 {
		return scores, 0, 0, true
	}
	slices.Sort(present)
	at := func(q float64) float64 { return present[int(math.Round(q*float64(len(present)-1)))] }
	return scores, at(0.05), at(0.95), true
}

// overlayColor is the colour of score x on the scale lo..hi.
func overlayColor(x, lo, hi float64) string {
	if math.IsNaN(x) {
		return missingColor
	}
	t := 0.5
	if hi > lo {
		t = math.Min(1, math.Max(0, (x-lo)/(hi-lo)))
	}
	pos := t * float64(len(viridis)-1)
	i := min(int(pos), len(viridis)-2)
	f := pos - float64(i)
	r0, g0, b0 := rgb(viridis[i])
	r1, g1, b1 := rgb(viridis[i+1])
	mix := func(a, b int) int { return int(math.Round(float64(a) + f*float64(b-a))) }
	return "#" + hex2(mix(r0, r1)) + hex2(mix(g0, g1)) + hex2(mix(b0, b1))
}

func hex2(v int) string {
	s := strconv.FormatInt(int64(v), 16)
	if len(s) < 2 {
		s = "0" + s
	}
	return s
}
