package analysis

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/bib/terms"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// Evolution is the thematic evolution of a field (Cobo et al. 2011): the
// thematic map of each time slice and the links between the themes of
// consecutive slices that share keywords.
type Evolution struct {
	Periods []Period
	Maps    []*ThematicMap
	Links   []EvolutionLink
}

// EvolutionLink joins a theme U of one slice to a theme V of the next that
// shares keywords with it.
type EvolutionLink struct {
	From               int // the earlier slice; the later is From+1
	FromTheme, ToTheme int // clusters of the two slices' networks
	Shared             []string
	// Inclusion is |U ∩ V| / min(|U|, |V|) (Cobo et al. 2011's inclusion
	// index, counted on keywords); Stability is |U ∩ V| / |U ∪ V| (their
	// stability index, Jaccard's).
	Inclusion, Stability float64
	// FromWeight and ToWeight are the occurrences of the shared keywords in
	// the earlier and in the later slice: the width of the link at either end.
	FromWeight, ToWeight float64
}

// NewEvolution builds the co-word network of each period with opts, maps
// its themes, and links the themes of consecutive periods by the keywords
// they share. Keywords are the same across periods when their keys are
// (folded, and stemmed as opts stem them), so "network" in one period and
// "networks" in the next are one stemmed term.
func NewEvolution(c *graph.Corpus, periods []Period, opts NetworkOptions) (*Evolution, error) {
	if opts.Kind != CowordKind {
		return nil, fmt.Errorf("thematic evolution needs a co-word network, not %s", opts.Kind)
	}
	rs, err := SlicedNetworks(c, periods, opts)
	if err != nil {
		return nil, err
	}
	stem := opts.Coword.StemKeywords
	if opts.Level == TermLevel {
		stem = opts.Coword.Terms.Stem
	}
	e := &Evolution{Periods: periods}
	// keys[p][theme] maps each keyword's key to its occurrences.
	keys := make([][]map[string]float64, len(rs))
	for p, r := range rs {
		m := NewThematicMap(r)
		e.Maps = append(e.Maps, m)
		keys[p] = make([]map[string]float64, len(m.Themes))
		for c, t := range m.Themes {
			keys[p][c] = map[string]float64{}
			for _, v := range t.Nodes {
				keys[p][c][terms.Key(r.Names[r.Raw.Members[v]], stem)] += r.Raw.Occurrences[v]
			}
		}
	}
	for p := 0; p+1 < len(rs); p++ {
		next := e.Maps[p+1]
		for u, ku := range keys[p] {
			for v, kv := range keys[p+1] {
				l := EvolutionLink{From: p, FromTheme: u, ToTheme: v}
				for _, n := range next.Themes[v].Nodes {
					name := next.Network.Names[next.Network.Raw.Members[n]]
					k := terms.Key(name, stem)
					if w, ok := ku[k]; ok {
						l.Shared = append(l.Shared, name)
						l.FromWeight += w
						l.ToWeight += next.Network.Raw.Occurrences[n]
					}
				}
				if len(l.Shared) == 0 {
					continue
				}
				s := float64(len(l.Shared))
				l.Inclusion = s / float64(min(len(ku), len(kv)))
				l.Stability = s / float64(len(ku)+len(kv)-len(l.Shared))
				e.Links = append(e.Links, l)
			}
		}
	}
	return e, nil
}

// EvolutionHeader documents thematic_evolution.csv.
var EvolutionHeader = []string{"from_slice", "from_theme", "from_label", "to_slice", "to_theme", "to_label",
	"shared", "inclusion", "stability", "from_weight", "to_weight", "keywords"}

// Table is thematic_evolution.csv: one row per pair of themes of
// consecutive slices sharing keywords: the slices, the themes (their
// clusters in thematic_map_SLICE.csv) and labels, the number of shared
// keywords, the inclusion and stability indexes, the shared keywords'
// occurrences in either slice, and the shared keywords.
func (e *Evolution) Table() *export.Table {
	t := &export.Table{Header: EvolutionHeader}
	for _, l := range e.Links {
		a, b := e.Maps[l.From], e.Maps[l.From+1]
		t.Rows = append(t.Rows, []string{
			e.Periods[l.From].String(), clusterName(l.FromTheme), a.Themes[l.FromTheme].Name,
			e.Periods[l.From+1].String(), clusterName(l.ToTheme), b.Themes[l.ToTheme].Name,
			strconv.Itoa(len(l.Shared)), export.Float(l.Inclusion), export.Float(l.Stability),
			export.Float(l.FromWeight), export.Float(l.ToWeight), strings.Join(l.Shared, "; "),
		})
	}
	return t
}

// Sankey draws the evolution: one column per slice, each theme as tall as
// its keywords' occurrences and coloured by its quadrant, each link as wide
// at either end as the shared keywords' occurrences there.
func (e *Evolution) Sankey(title string) *export.Sankey {
	s := &export.Sankey{Title: title, Legend: quadrantLegend()}
	first := make([]int, len(e.Maps)) // index of each slice's first node
	for p, m := range e.Maps {
		s.Columns = append(s.Columns, e.Periods[p].String())
		first[p] = len(s.Nodes)
		for c, t := range m.Themes {
			s.Nodes = append(s.Nodes, export.SankeyNode{Column: p, Label: t.Name, Value: t.Occurrences, Color: quadrantColor[t.Quadrant],
				Detail: fmt.Sprintf("%s, theme %d (%s): %s", e.Periods[p], c+1, t.Quadrant, strings.Join(m.keywords(&t, 10), "; "))})
		}
	}
	for _, l := range e.Links {
		s.Links = append(s.Links, export.SankeyLink{
			Source: first[l.From] + l.FromTheme, Target: first[l.From+1] + l.ToTheme,
			SourceValue: l.FromWeight, TargetValue: l.ToWeight,
			Detail: fmt.Sprintf("inclusion %.2f, stability %.2f: %s", l.Inclusion, l.Stability, strings.Join(l.Shared, "; ")),
		})
	}
	return s
}

// quadrantColor colours themes by their quadrant in the evolution figure.
var quadrantColor = map[string]string{MotorThemes: "#e15759", NicheThemes: "#4e79a7", EmergingThemes: "#bab0ac", BasicThemes: "#f28e2b"}

func quadrantLegend() []export.LegendEntry {
	var l []export.LegendEntry
	for _, q := range []string{MotorThemes, BasicThemes, NicheThemes, EmergingThemes} {
		l = append(l, export.LegendEntry{Label: q + " themes", Color: quadrantColor[q]})
	}
	return l
}
