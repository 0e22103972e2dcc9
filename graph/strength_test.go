package graph

import (
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/bib/reader"
	"github.com/citegraph/citegraph/bib/resolve"
)

// netLinks maps member pairs (lower first) to link weights.
func netLinks(p *Projection) map[[2]int32]float64 {
	got := map[[2]int32]float64{}
	for _, e := range p.Edges() {
		a, b := p.Members[e.A], p.Members[e.B]
		got[[2]int32{min(a, b), max(a, b)}] = e.Weight
	}
	return got
}

func sameLinks(t *testing.T, what string, got, want map[[2]int32]float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d links, want %d", what, len(got), len(want))
	}
	for k, w := range want {
		if g, ok := got[k]; !ok || math.Abs(g-w) > 1e-12*math.Max(1, w) {
			t.Fatalf("%s: link %v = %v, want %v", what, k, g, w)
		}
	}
}

// coauthorItems: paper 0 by authors 0,1,2; paper 1 by 0,1; paper 2 by 3 alone.
var coauthorItems = [][]int32{{0, 1, 2}, {0, 1}, {3}}

func TestGroupCooccurrenceCounting(t *testing.T) {
	full := GroupCooccurrence(coauthorItems, 4, 1, FullCounting)
	sameLinks(t, "full", netLinks(full.Projection), map[[2]int32]float64{{0, 1}: 2, {0, 2}: 1, {1, 2}: 1})
	if want := []float64{2, 2, 1, 1}; !equalFloats(full.Occurrences, want) {
		t.Errorf("full occurrences %v, want %v", full.Occurrences, want)
	}
	// Fractional: paper 0 adds 1/2 to each of its three links, paper 1
	// adds 1; the single-author paper adds nothing.
	frac := GroupCooccurrence(coauthorItems, 4, 1, FractionalCounting)
	sameLinks(t, "fractional", netLinks(frac.Projection), map[[2]int32]float64{{0, 1}: 1.5, {0, 2}: 0.5, {1, 2}: 0.5})
	if want := []float64{1.5, 1.5, 0.5, 0}; !equalFloats(frac.Occurrences, want) {
		t.Errorf("fractional occurrences %v, want %v", frac.Occurrences, want)
	}
	// Each author's links from one paper sum to 1 under fractional
	// counting: strength is the number of co-authored papers.
	for v, want := range []float64{2, 2, 1} {
		if s := frac.Strength(v); math.Abs(s-want) > 1e-15 {
			t.Errorf("author %d: strength %v, want %v", frac.Members[v], s, want)
		}
	}
	// At two papers only authors 0 and 1 remain.
	sameLinks(t, "min 2", netLinks(GroupCooccurrence(coauthorItems, 4, 2, FullCounting).Projection), map[[2]int32]float64{{0, 1}: 2})
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-15 {
			return false
		}
	}
	return true
}

func TestNormalizeHandComputed(t *testing.T) {
	net := GroupCooccurrence(coauthorItems, 4, 1, FullCounting)
	// Strengths s = 3, 3, 2 (author 3 has no links), 2m = 8.
	for _, tc := range []struct {
		method Normalization
		want   map[[2]int32]float64
	}{
		{NoNormalization, map[[2]int32]float64{{0, 1}: 2, {0, 2}: 1, {1, 2}: 1}},
		{AssociationStrength, map[[2]int32]float64{{0, 1}: 2 * 8.0 / 9, {0, 2}: 8.0 / 6, {1, 2}: 8.0 / 6}},
		{Cosine, map[[2]int32]float64{{0, 1}: 1, {0, 2}: 1 / math.Sqrt2, {1, 2}: 1 / math.Sqrt2}},
		{Jaccard, map[[2]int32]float64{{0, 1}: 1, {0, 2}: 0.5, {1, 2}: 0.5}},
		{Inclusion, map[[2]int32]float64{{0, 1}: 1, {0, 2}: 1, {1, 2}: 1}},
		{Equivalence, map[[2]int32]float64{{0, 1}: 1, {0, 2}: 0.5, {1, 2}: 0.5}},
	} {
		sameLinks(t, tc.method.String(), netLinks(net.Normalize(tc.method).Projection), tc.want)
		if m, err := ParseNormalization(tc.method.String()); err != nil || m != tc.method {
			t.Errorf("ParseNormalization(%q) = %v, %v", tc.method, m, err)
		}
	}
	if _, err := ParseNormalization("pearson"); err == nil {
		t.Error("unknown normalization accepted")
	}
}

func TestFilter(t *testing.T) {
	net := GroupCooccurrence(coauthorItems, 4, 1, FullCounting)
	top := net.Filter(2, 0)
	sameLinks(t, "top 2", netLinks(top.Projection), map[[2]int32]float64{{0, 1}: 2})
	if top.Order() != 2 || top.Occurrences[0] != 2 {
		t.Errorf("top 2: %d nodes, occurrences %v", top.Order(), top.Occurrences)
	}
	strong := net.Filter(0, 2)
	sameLinks(t, "min 2", netLinks(strong.Projection), map[[2]int32]float64{{0, 1}: 2})
	if strong.Order() != 4 {
		t.Errorf("minimum link weight dropped nodes: %d left", strong.Order())
	}
}

func TestCountedFullEqualsUncounted(t *testing.T) {
	g := NewDirected(6, []Edge{{0, 2}, {0, 3}, {1, 2}, {1, 3}, {1, 4}, {5, 2}, {5, 4}})
	sameLinks(t, "co-citation", netLinks(CoCitationCounted(g, 1, FullCounting).Projection), netLinks(CoCitation(g, 1)))
	sameLinks(t, "coupling", netLinks(CouplingCounted(g, 1, FullCounting).Projection), netLinks(Coupling(g, 1)))
	// Fractional co-citation: record 0 (2 refs) adds 1, records 1 and 5
	// (3 and 2 refs) add 1/2 and 1.
	sameLinks(t, "fractional co-citation", netLinks(CoCitationCounted(g, 1, FractionalCounting).Projection),
		map[[2]int32]float64{{2, 3}: 1.5, {2, 4}: 1.5, {3, 4}: 0.5})
	// Fractional coupling: work 2 (cited by 3) adds 1/2, work 3 (by 2) 1,
	// work 4 (by 2) 1.
	sameLinks(t, "fractional coupling", netLinks(CouplingCounted(g, 1, FractionalCounting).Projection),
		map[[2]int32]float64{{0, 1}: 1.5, {0, 5}: 0.5, {1, 5}: 1.5})
}

func TestParseAffiliation(t *testing.T) {
	for _, tc := range []struct{ in, inst, country string }{
		{"[Sun, Zhiwei; Russell, Thomas P.] Univ Massachusetts Amherst, Dept Polymer Sci & Engn, Amherst, MA 01003 USA.", "Univ Massachusetts Amherst", "USA"},
		{"[Russell, Thomas P.] Beijing Univ Chem Technol, Beijing Adv Innovat Ctr Soft Matter Sci & Engn, Beijing, Peoples R China.", "Beijing Univ Chem Technol", "China"},
		{"[Wodarz, Siggi] Waseda Univ, Dept Appl Chem, Shinjuku Ku, Tokyo 1698555, Japan.", "Waseda Univ", "Japan"},
		{"Univ Oxford, Dept Mat, Oxford OX1 3PH, England.", "Univ Oxford", "England"},
		{"[Nobody] Nowhere.", "", ""},
	} {
		inst, country := ParseAffiliation(tc.in)
		if inst != tc.inst || country != tc.country {
			t.Errorf("%q: %q, %q; want %q, %q", tc.in, inst, country, tc.inst, tc.country)
		}
	}
}

// wosCorpus resolves the Web of Science sample.
func wosCorpus(t testing.TB) *Corpus {
	t.Helper()
	f, err := os.Open("../testdata/exports/wos-bit-pattern-savedrecs.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rr, _, err := reader.NewReader("", f, "wos")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := reader.ReadAll(rr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return NewCorpus(resolve.Resolve(recs))
}

// bruteCooccurrence counts, for every item, each pair of its distinct
// members (kept by keep) once (or 1/(n−1)), from maps.
func bruteCooccurrence(items map[int32]map[int32]bool, keep func(int32) bool, counting Counting) map[[2]int32]float64 {
	out := map[[2]int32]float64{}
	for _, set := range items {
		var ms []int32
		for m := range set {
			ms = append(ms, m)
		}
		w := 1.0
		if counting == FractionalCounting {
			if len(ms) < 2 {
				continue
			}
			w = 1 / float64(len(ms)-1)
		}
		for i, a := range ms {
			for _, b := range ms[i+1:] {
				if keep(a) && keep(b) {
					out[[2]int32{min(a, b), max(a, b)}] += w
				}
			}
		}
	}
	return out
}

// TestWoSBruteForce checks document and source co-citation and coupling on
// the Web of Science sample against pair counts made from the resolved
// reference list (Corpus.Refs) with maps, under both countings.
func TestWoSBruteForce(t *testing.T) {
	c := wosCorpus(t)
	g := c.Citations
	refsOf := map[int32]map[int32]bool{}   // citing record → cited works
	citersOf := map[int32]map[int32]bool{} // cited work → citing records
	for _, r := range c.Refs {
		if refsOf[r.Citing] == nil {
			refsOf[r.Citing] = map[int32]bool{}
		}
		refsOf[r.Citing][r.Work] = true
		if citersOf[r.Work] == nil {
			citersOf[r.Work] = map[int32]bool{}
		}
		citersOf[r.Work][r.Citing] = true
	}
	group, names := SourceGroups(c.Works)
	sourcesOf := map[int32]map[int32]bool{} // citing record → cited sources (shifted by n)
	n := int32(len(c.Works))
	for citing, works := range refsOf {
		for w := range works {
			if group[w] >= 0 {
				if sourcesOf[citing] == nil {
					sourcesOf[citing] = map[int32]bool{}
				}
				sourcesOf[citing][n+group[w]] = true
			}
		}
	}
	for _, counting := range []Counting{FullCounting, FractionalCounting} {
		for _, minCit := range []int{1, 3} {
			keep := func(w int32) bool { return len(citersOf[w]) >= minCit }
			got := netLinks(CoCitationCounted(g, minCit, counting).Projection)
			sameLinks(t, "co-citation "+counting.String(), got, bruteCooccurrence(refsOf, keep, counting))
			if counting == FullCounting && minCit == 1 {
				t.Logf("document co-citation: %d links", len(got))
			}
		}
		keep := func(w int32) bool { return len(refsOf[w]) >= 1 }
		got := netLinks(CouplingCounted(g, 1, counting).Projection)
		sameLinks(t, "coupling "+counting.String(), got, bruteCooccurrence(citersOf, keep, counting))
		if counting == FullCounting {
			t.Logf("document coupling: %d links", len(got))
		}

		src := CoCitationCounted(Regroup(g, group, len(names)), 1, counting)
		sameLinks(t, "source co-citation "+counting.String(), netLinks(src.Projection),
			bruteCooccurrence(sourcesOf, func(int32) bool { return true }, counting))
		if counting == FullCounting {
			t.Logf("source co-citation: %d sources, %d links", src.Order(), src.Size())
		}
	}

	// Source coupling: two record sources are linked once per distinct work
	// both cite.
	lists, srcNames := RecordSources(c.Works)
	net := GroupCoupling(g, lists, len(srcNames), 1, FullCounting)
	citedBy := map[int32]map[int32]bool{} // work → citing sources
	for citing, works := range refsOf {
		for _, s := range lists[citing] {
			for w := range works {
				if citedBy[w] == nil {
					citedBy[w] = map[int32]bool{}
				}
				citedBy[w][s] = true
			}
		}
	}
	sameLinks(t, "source coupling", netLinks(net.Projection), bruteCooccurrence(citedBy, func(int32) bool { return true }, FullCounting))
	t.Logf("source coupling: %d sources, %d links", net.Order(), net.Size())
}

func TestWoSCoauthorship(t *testing.T) {
	c := wosCorpus(t)
	lists, names := RecordAuthors(c.Works)
	net := GroupCooccurrence(lists, len(names), 1, FullCounting)
	// Brute force: pairs of distinct authors per record.
	items := map[int32]map[int32]bool{}
	for i, l := range lists {
		for _, a := range l {
			if items[int32(i)] == nil {
				items[int32(i)] = map[int32]bool{}
			}
			items[int32(i)][a] = true
		}
	}
	sameLinks(t, "co-authorship", netLinks(net.Projection), bruteCooccurrence(items, func(int32) bool { return true }, FullCounting))
	countries, cnames := RecordCountries(c.Works)
	cn := GroupCooccurrence(countries, len(cnames), 1, FullCounting)
	withCountry := 0
	for _, l := range countries {
		if len(l) > 0 {
			withCountry++
		}
	}
	insts, inames := RecordInstitutions(c.Works)
	in := GroupCooccurrence(insts, len(inames), 1, FullCounting)
	t.Logf("co-authorship: %d authors, %d links; %d countries (%d records with one), %d links; %d institutions, %d links",
		net.Order(), net.Size(), cn.Order(), withCountry, cn.Size(), in.Order(), in.Size())
	if withCountry < 450 || cn.Order() < 10 {
		t.Errorf("%d records with a country, %d countries", withCountry, cn.Order())
	}
	for _, name := range cnames {
		if name == "Peoples R China" || len(name) > 3 && name[len(name)-3:] == "USA" && name != "USA" {
			t.Errorf("country %q not normalised", name)
		}
	}
}

// TestFractionalBruteForce: fractional co-citation and coupling on a graph
// whose rows are shared out between workers equal the sums over every
// record's (work's) pairs, and both copies of each link are equal to the
// bit, as the clustering needs.
func TestFractionalBruteForce(t *testing.T) {
	const n = 3000
	rng := rand.New(rand.NewPCG(11, n))
	var edges []Edge
	for u := 0; u < n; u++ {
		for range rng.IntN(12) {
			edges = append(edges, Edge{int32(u), int32(rng.IntN(n))})
		}
	}
	g := NewDirected(n, edges)
	for _, tc := range []struct {
		name  string
		net   *Network
		items func(int) []int32
	}{
		{"co-citation", CoCitationCounted(g, 1, FractionalCounting), g.Out},
		{"coupling", CouplingCounted(g, 1, FractionalCounting), g.In},
	} {
		want := map[[2]int32]float64{}
		for x := 0; x < n; x++ {
			ms := tc.items(x)
			for i, a := range ms {
				for _, b := range ms[i+1:] {
					want[[2]int32{min(a, b), max(a, b)}] += 1 / float64(len(ms)-1)
				}
			}
		}
		sameLinks(t, tc.name, netLinks(tc.net.Projection), want)
		off, adj, w := tc.net.CSR()
		for a := 0; a < tc.net.Order(); a++ {
			for e := off[a]; e < off[a+1]; e++ {
				b := adj[e]
				i, _ := slices.BinarySearch(adj[off[b]:off[b+1]], int32(a))
				if back := w[off[b]+int64(i)]; back != w[e] {
					t.Fatalf("%s: link %d–%d weighs %v one way and %v the other", tc.name, a, b, w[e], back)
				}
			}
		}
	}
}
