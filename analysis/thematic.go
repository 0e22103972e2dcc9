package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// The quadrants of the strategic diagram (Cobo et al. 2011, after Callon,
// Courtial & Laville 1991, doi:10.1007/BF02019280).
const (
	MotorThemes    = "motor"                 // high centrality, high density: developed and important
	NicheThemes    = "niche"                 // low centrality, high density: developed but isolated
	EmergingThemes = "emerging or declining" // low centrality, low density: marginal
	BasicThemes    = "basic"                 // high centrality, low density: transversal, not yet developed
)

// Theme is a cluster of a co-word network seen as a research theme.
type Theme struct {
	Cluster    int    // 0-based cluster of the network
	Name       string // its keyword of most occurrences
	Nodes      []int  // its keywords (nodes of the network), most occurrences first
	Centrality float64
	Density    float64
	// Occurrences sums its keywords' occurrences; Documents counts the
	// records using at least one of its keywords, CoreDocuments those
	// using two or more (Cobo et al. 2011's core documents).
	Occurrences              float64
	Documents, CoreDocuments int
	Quadrant                 string
}

// ThematicMap is the strategic diagram of a co-word network's clusters.
type ThematicMap struct {
	Network *NetworkResult
	Themes  []Theme // by cluster
	// The diagram's axes cross at the medians of the themes' centrality
	// and density.
	MedianCentrality, MedianDensity float64
}

// NewThematicMap places every cluster of a co-word network on the
// strategic diagram by Callon's centrality and density (Callon, Courtial &
// Laville 1991, "Co-word analysis as a tool for describing the network of
// interactions between basic and technological research: the case of
// polymer chemistry", Scientometrics 22(1):155–205,
// doi:10.1007/BF02019280), computed as Cobo, López-Herrera, Herrera-Viedma
// & Herrera 2011 do ("An approach for detecting, quantifying, and
// visualizing the evolution of a research field: a practical application
// to the Fuzzy Sets Theory field", J. Informetrics 5(1):146–166,
// doi:10.1016/j.joi.2010.10.002) on the equivalence index of the counted
// links, e_ij = c_ij² / (c_i c_j), c_ij the records using both keywords and
// c_i those using keyword i:
//
//	centrality(T) = 10 · Σ_{i ∈ T, j ∉ T} e_ij   (ties to the rest of the field)
//	density(T)    = 100 · Σ_{i < j ∈ T} e_ij / |T|   (internal cohesion)
//
// A theme whose centrality (density) is at least the median over all
// themes is high on that axis: high and high are motor themes, low
// centrality and high density niche themes, low and low emerging or
// declining themes, high centrality and low density basic themes.
func NewThematicMap(r *NetworkResult) *ThematicMap {
	k := r.Clusters.K()
	m := &ThematicMap{Network: r, Themes: make([]Theme, k)}
	member := r.Clusters.Membership
	for c := range m.Themes {
		m.Themes[c].Cluster = c
	}
	for _, v := range r.byOccurrences() {
		if c := member[v]; c >= 0 {
			m.Themes[c].Nodes = append(m.Themes[c].Nodes, v)
			m.Themes[c].Occurrences += r.Raw.Occurrences[v]
		}
	}
	e := r.Raw.Normalize(graph.Equivalence)
	for _, l := range e.Edges() {
		ca, cb := member[l.A], member[l.B]
		switch {
		case ca >= 0 && ca == cb:
			m.Themes[ca].Density += l.Weight
		default:
			if ca >= 0 {
				m.Themes[ca].Centrality += l.Weight
			}
			if cb >= 0 {
				m.Themes[cb].Centrality += l.Weight
			}
		}
	}
	docs := make([]map[int32]int, k) // per theme, record → keywords of the theme it uses
	for c := range docs {
		docs[c] = map[int32]int{}
	}
	for v, recs := range r.Records {
		if c := member[v]; c >= 0 {
			for _, w := range recs {
				docs[c][w]++
			}
		}
	}
	cs, ds := make([]float64, k), make([]float64, k)
	for c := range m.Themes {
		t := &m.Themes[c]
		t.Centrality *= 10
		t.Density *= 100 / float64(len(t.Nodes))
		t.Name = r.Names[r.Raw.Members[t.Nodes[0]]]
		t.Documents = len(docs[c])
		for _, n := range docs[c] {
			if n >= 2 {
				t.CoreDocuments++
			}
		}
		cs[c], ds[c] = t.Centrality, t.Density
	}
	m.MedianCentrality, m.MedianDensity = median(cs), median(ds)
	for c := range m.Themes {
		t := &m.Themes[c]
		t.Quadrant = quadrant(t.Centrality >= m.MedianCentrality, t.Density >= m.MedianDensity)
	}
	return m
}

func quadrant(central, dense bool) string {
	switch {
	case central && dense:
		return MotorThemes
	case dense:
		return NicheThemes
	case central:
		return BasicThemes
	}
	return EmergingThemes
}

// median of xs: the middle value, or the mean of the two middle ones; 0
// for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// byOccurrences orders the nodes by occurrences, then total link weight,
// then label, the largest first.
func (r *NetworkResult) byOccurrences() []int {
	order := r.byStrength()
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(r.Raw.Occurrences[b], r.Raw.Occurrences[a])
	})
	return order
}

// ThematicHeader documents thematic_map.csv.
var ThematicHeader = []string{"theme", "label", "quadrant", "centrality", "density", "centrality_rank", "density_rank",
	"keywords", "occurrences", "documents", "core_documents", "top_keywords"}

// Table is thematic_map.csv: one row per theme (cluster), its label (its
// keyword of most occurrences), quadrant, Callon centrality and density,
// their ranks (1 the highest), number of keywords, their occurrences,
// documents and core documents, and its ten keywords of most occurrences.
func (m *ThematicMap) Table() *export.Table {
	t := &export.Table{Header: ThematicHeader}
	rank := func(value func(*Theme) float64) []int {
		order := make([]int, len(m.Themes))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(value(&m.Themes[b]), value(&m.Themes[a])) })
		r := make([]int, len(order))
		for i, c := range order {
			r[c] = i + 1
		}
		return r
	}
	cr := rank(func(t *Theme) float64 { return t.Centrality })
	dr := rank(func(t *Theme) float64 { return t.Density })
	for c, th := range m.Themes {
		t.Rows = append(t.Rows, []string{
			clusterName(c), th.Name, th.Quadrant, export.Float(th.Centrality), export.Float(th.Density),
			strconv.Itoa(cr[c]), strconv.Itoa(dr[c]), strconv.Itoa(len(th.Nodes)), export.Float(th.Occurrences),
			strconv.Itoa(th.Documents), strconv.Itoa(th.CoreDocuments), strings.Join(m.keywords(&th, 10), "; "),
		})
	}
	return t
}

// keywords names a theme's top keywords.
func (m *ThematicMap) keywords(t *Theme, top int) []string {
	var out []string
	for _, v := range t.Nodes[:min(top, len(t.Nodes))] {
		out = append(out, m.Network.Names[m.Network.Raw.Members[v]])
	}
	return out
}

// Diagram is the strategic diagram for drawing: each theme at its
// centrality and density, sized by documents.
func (m *ThematicMap) Diagram(title string) *export.StrategicDiagram {
	d := &export.StrategicDiagram{Title: title, XAxis: "centrality (Callon)", YAxis: "density (Callon)",
		XMedian: m.MedianCentrality, YMedian: m.MedianDensity,
		Quadrants: [4]string{MotorThemes + " themes", NicheThemes + " themes", EmergingThemes + " themes", BasicThemes + " themes"}}
	for c, t := range m.Themes {
		d.Points = append(d.Points, export.DiagramPoint{
			ID: clusterName(c), Label: t.Name, X: t.Centrality, Y: t.Density, Size: float64(t.Documents),
			Color: clusterColor(c), Detail: fmt.Sprintf("theme %d, %s: %s (%d documents)", c+1, t.Quadrant, strings.Join(m.keywords(&t, 10), "; "), t.Documents),
		})
	}
	return d
}

// DOT draws the strategic diagram for Graphviz's neato, each theme pinned
// at its centrality and density (neato -n, or neato, keeps pinned nodes).
func (m *ThematicMap) DOT() *export.DOTGraph {
	return m.Diagram("").DOT("thematic_map", "citegraph thematic map (Cobo et al. 2011): themes at their Callon centrality (x) and density (y), axes at the medians;")
}
