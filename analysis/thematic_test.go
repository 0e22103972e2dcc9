package analysis

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/graph"
)

// keywordCorpus resolves one record per keyword list ("a b c": keywords a,
// b and c), of the given years (2000 when none).
func keywordCorpus(lists []string, years ...int) *graph.Corpus {
	var recs []*bib.Record
	for i, l := range lists {
		y := 2000
		if i < len(years) {
			y = years[i]
		}
		recs = append(recs, &bib.Record{ID: "R" + strconv.Itoa(i+1), File: "f", Line: i + 1,
			Work: bib.Work{Title: "Record " + strconv.Itoa(i+1), Year: y}, Keywords: strings.Fields(l)})
	}
	return graph.NewCorpus(resolve.Resolve(recs))
}

// node returns the network node named name.
func node(t *testing.T, r *NetworkResult, name string) int {
	t.Helper()
	for v, m := range r.Raw.Members {
		if r.Names[m] == name {
			return v
		}
	}
	t.Fatalf("no node %q in %q", name, r.Names)
	return -1
}

// TestCowordNetwork: keywords are linked once per record using both, and
// occurrences count records.
func TestCowordNetwork(t *testing.T) {
	c := keywordCorpus([]string{"a b c", "a b", "A c", "d e"})
	opts := DefaultNetworkOptions()
	opts.Kind, opts.Level, opts.Normalize = CowordKind, KeywordLevel, graph.NoNormalization
	r, err := BuildNetwork(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := map[[2]string]float64{{"a", "b"}: 2, {"a", "c"}: 2, {"b", "c"}: 1, {"d", "e"}: 1}
	got := map[[2]string]float64{}
	for _, e := range r.Raw.Edges() {
		a, b := r.Names[r.Raw.Members[e.A]], r.Names[r.Raw.Members[e.B]]
		if b < a {
			a, b = b, a
		}
		got[[2]string{a, b}] = e.Weight
	}
	if len(got) != len(want) {
		t.Errorf("links %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("link %v: %v, want %v", k, got[k], w)
		}
	}
	if occ := r.Raw.Occurrences[node(t, r, "a")]; occ != 3 {
		t.Errorf("a occurs in %v records, want 3 (A folds to a)", occ)
	}
}

// TestThematicMapHandComputed checks Callon's centrality and density of
// four themes of a small co-word network against their definitions. The
// records use the keywords
//
//	R1 a b c, R2 a b, R3 a c, R4 d e, R5 d e, R6 c d, R7 f g, R8 f, R9 h i, R10 h i
//
// so c_a = 3, c_b = 2, c_c = 3, c_d = 3, c_e = 2, c_f = 2, c_g = 1, c_h = c_i = 2,
// and c_ab = 2, c_ac = 2, c_bc = 1, c_de = 2, c_cd = 1, c_fg = 1, c_hi = 2.
// The themes (set by hand, not by Leiden) are T1 = {a, b, c}, T2 = {d, e},
// T3 = {f, g}, T4 = {h, i}. Equivalence indexes e_ij = c_ij²/(c_i c_j):
// e_ab = 4/6, e_ac = 4/9, e_bc = 1/6, e_de = 4/6, e_cd = 1/9, e_fg = 1/2,
// e_hi = 1. So
//
//	density:    T1 100·(4/6 + 4/9 + 1/6)/3 = 42.59…, T2 100·(4/6)/2 = 33.33…,
//	            T3 100·(1/2)/2 = 25, T4 100·1/2 = 50
//	centrality: T1 10·e_cd = 1.11…, T2 1.11…, T3 0, T4 0
//
// Medians: centrality 0.555…, density (33.33… + 42.59…)/2. T1 is a motor
// theme, T2 basic, T3 emerging or declining, T4 niche. Documents: T1 R1,
// R2, R3, R6 (core: R1, R2, R3); T2 R4, R5, R6 (core R4, R5).
func TestThematicMapHandComputed(t *testing.T) {
	c := keywordCorpus([]string{"a b c", "a b", "a c", "d e", "d e", "c d", "f g", "f", "h i", "h i"})
	opts := DefaultNetworkOptions()
	opts.Kind, opts.Level = CowordKind, KeywordLevel
	r, err := BuildNetwork(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	theme := map[string]int{"a": 0, "b": 0, "c": 0, "d": 1, "e": 1, "f": 2, "g": 2, "h": 3, "i": 3}
	r.Clusters.Membership = make([]int, r.Raw.Order())
	for name, c := range theme {
		r.Clusters.Membership[node(t, r, name)] = c
	}
	m := NewThematicMap(r)
	want := []struct {
		name                string
		centrality, density float64
		quadrant            string
		docs, core          int
	}{
		{"a", 10.0 / 9, 100 * (4.0/6 + 4.0/9 + 1.0/6) / 3, MotorThemes, 4, 3},
		{"d", 10.0 / 9, 100 * (4.0 / 6) / 2, BasicThemes, 3, 2},
		{"f", 0, 25, EmergingThemes, 2, 1},
		{"h", 0, 50, NicheThemes, 2, 2},
	}
	if len(m.Themes) != len(want) {
		t.Fatalf("%d themes, want 4", len(m.Themes))
	}
	for i, w := range want {
		th := m.Themes[i]
		if th.Name != w.name || math.Abs(th.Centrality-w.centrality) > 1e-12 || math.Abs(th.Density-w.density) > 1e-12 ||
			th.Quadrant != w.quadrant || th.Documents != w.docs || th.CoreDocuments != w.core {
			t.Errorf("theme %d: %s c %v d %v %s docs %d core %d; want %s c %v d %v %s docs %d core %d", i+1,
				th.Name, th.Centrality, th.Density, th.Quadrant, th.Documents, th.CoreDocuments,
				w.name, w.centrality, w.density, w.quadrant, w.docs, w.core)
		}
	}
	if math.Abs(m.MedianCentrality-5.0/9) > 1e-12 || math.Abs(m.MedianDensity-(100*(4.0/6)/2+100*(4.0/6+4.0/9+1.0/6)/3)/2) > 1e-12 {
		t.Errorf("medians %v, %v", m.MedianCentrality, m.MedianDensity)
	}
	tab := m.Table()
	if row := tab.Rows[0]; row[0] != "1" || row[1] != "a" || row[2] != MotorThemes || row[5] != "1" || row[6] != "2" || row[7] != "3" || row[11] != "a; c; b" {
		t.Errorf("first row %v", row)
	}
}

// TestThematicEvolutionHandComputed: two slices whose networks are cliques,
// so that Leiden's clusters are the cliques. 2000: {a, b, c} and {d, e},
// each used by two records; 2001: {a, b, x, y} and {c, d, z}. Links, by
// hand: {a,b,c} → {a,b,x,y} shares a, b: inclusion 2/min(3, 4) = 2/3,
// stability 2/(3+4−2) = 2/5, weights 2+2 either side; {a,b,c} → {c,d,z}
// shares c: 1/3 and 1/5; {d,e} → {c,d,z} shares d: 1/2 and 1/4; {d,e} and
// {a,b,x,y} share nothing.
func TestThematicEvolutionHandComputed(t *testing.T) {
	c := keywordCorpus([]string{"a b c", "a b c", "d e", "d e", "a b x y", "a b x y", "c d z", "c d z"},
		2000, 2000, 2000, 2000, 2001, 2001, 2001, 2001)
	opts := DefaultNetworkOptions()
	opts.Kind, opts.Level = CowordKind, KeywordLevel
	periods, err := CutPeriods(c, []int{2000})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(periods, []Period{{2000, 2000}, {2001, 2001}}) {
		t.Fatalf("periods %v", periods)
	}
	e, err := NewEvolution(c, periods, opts)
	if err != nil {
		t.Fatal(err)
	}
	type link struct {
		from, to                         string
		inclusion, stability, fromW, toW float64
	}
	want := map[string]link{
		"a>a": {"a", "a", 2.0 / 3, 2.0 / 5, 4, 4},
		"a>c": {"a", "c", 1.0 / 3, 1.0 / 5, 2, 2},
		"d>c": {"d", "c", 1.0 / 2, 1.0 / 4, 2, 2},
	}
	if len(e.Links) != len(want) {
		t.Fatalf("%d links: %+v", len(e.Links), e.Links)
	}
	for _, l := range e.Links {
		from, to := e.Maps[0].Themes[l.FromTheme].Name, e.Maps[1].Themes[l.ToTheme].Name
		w, ok := want[from+">"+to]
		if !ok || math.Abs(l.Inclusion-w.inclusion) > 1e-12 || math.Abs(l.Stability-w.stability) > 1e-12 || l.FromWeight != w.fromW || l.ToWeight != w.toW {
			t.Errorf("link %s → %s: %+v, want %+v", from, to, l, w)
		}
	}
	if tab := e.Table(); len(tab.Rows) != 3 || tab.Rows[0][0] != "2000" || tab.Rows[0][3] != "2001" {
		t.Errorf("table %v", tab.Rows)
	}
}

// TestThesaurusInNetworks: the thesaurus merges authors in a co-authorship
// network, merges and drops keywords in a co-word network, and aliases a
// cited work onto another in a document co-citation network.
func TestThesaurusInNetworks(t *testing.T) {
	th, err := graph.ReadThesaurus(strings.NewReader("label\treplace by\nb\ta\nstudy\t\nSmith 2001\tJones 2000\n"), "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := keywordCorpus([]string{"a c study", "b c", "b study"})
	opts := DefaultNetworkOptions()
	opts.Kind, opts.Level, opts.Normalize, opts.Thesaurus = CowordKind, KeywordLevel, graph.NoNormalization, th
	r, err := BuildNetwork(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	// a and b are one keyword (3 records), study is gone: links a–c (2).
	if r.Raw.Order() != 2 || r.Raw.Size() != 1 || r.Raw.Occurrences[node(t, r, "a")] != 3 {
		t.Errorf("%d nodes %q, %d links", r.Raw.Order(), r.Names, r.Raw.Size())
	}
	if rl := r.Relabelled; rl == nil || rl.Replaced != 1 || rl.Ignored != 1 || rl.Merged != 1 {
		t.Errorf("relabelled %+v", rl)
	}
	// Co-citation: Smith 2001 is an alias of Jones 2000.
	ref := func(family string, year int) bib.Reference {
		return bib.Reference{Raw: family, Work: bib.Work{Authors: []bib.Name{{Family: family}}, Year: year, Title: family + " title"}}
	}
	recs := []*bib.Record{
		{ID: "P1", Work: bib.Work{Year: 2010}, References: []bib.Reference{ref("Jones", 2000), ref("Brown", 1999)}},
		{ID: "P2", Work: bib.Work{Year: 2011}, References: []bib.Reference{ref("Smith", 2001), ref("Brown", 1999)}},
	}
	for _, rec := range recs {
		for i := range rec.References {
			rec.References[i].Position = i + 1
		}
	}
	cc := graph.NewCorpus(resolve.Resolve(recs))
	opts = DefaultNetworkOptions()
	opts.Normalize, opts.Thesaurus = graph.NoNormalization, th
	r, err = BuildNetwork(cc, opts)
	if err != nil {
		t.Fatal(err)
	}
	j := node(t, r, "Jones 2000")
	if r.Raw.Order() != 2 || r.Raw.Occurrences[j] != 2 || r.Raw.Edges()[0].Weight != 2 {
		t.Errorf("co-citation with the alias: nodes %q, occurrences %v, links %v", r.Names, r.Raw.Occurrences, r.Raw.Edges())
	}
	if id := r.IDs[r.Raw.Members[j]]; id != cc.Works[slices.IndexFunc(cc.Works, func(w resolve.Work) bool { return w.Label == "Jones 2000" })].ID {
		t.Errorf("the merged node's id %q is not Jones 2000's", id)
	}
}

// TestSlices: Corpus.Slice keeps the records of the years and their
// citations; CutPeriods cuts as bibliometrix does and YearPeriods as
// CiteSpace does.
func TestSlices(t *testing.T) {
	c := keywordCorpus([]string{"a", "b", "c", "d", "e"}, 2001, 2003, 2005, 2008, 2009)
	for _, tc := range []struct {
		cuts []int
		want []Period
	}{
		{[]int{2003, 2008}, []Period{{2001, 2003}, {2004, 2008}, {2009, 2009}}},
		{[]int{2009}, []Period{{2001, 2009}}},
		{[]int{1990, 2005, 2005}, []Period{{2001, 2005}, {2006, 2009}}},
	} {
		if got, _ := CutPeriods(c, tc.cuts); !slices.Equal(got, tc.want) {
			t.Errorf("cuts %v: %v, want %v", tc.cuts, got, tc.want)
		}
	}
	if got, _ := YearPeriods(c, 4); !slices.Equal(got, []Period{{2001, 2004}, {2005, 2008}, {2009, 2009}}) {
		t.Errorf("4-year slices: %v", got)
	}
	s := c.Slice(2004, 2008)
	records := 0
	for _, w := range s.Works {
		if w.InCorpus {
			records++
		}
	}
	if records != 2 || len(s.Works) != len(c.Works) {
		t.Errorf("slice 2004-2008: %d records of %d works", records, len(s.Works))
	}
	if _, err := ParseYears("2005, 2012,x"); err == nil {
		t.Error("ParseYears accepts x")
	}
	if _, err := CutPeriods(keywordCorpus([]string{"a"}, 0), []int{2000}); err == nil {
		t.Error("a corpus without years is sliced")
	}
}
