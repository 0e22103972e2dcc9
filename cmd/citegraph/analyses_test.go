package main

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/graph"
)

// TestAnalysesHelp: the new commands give their formulas and papers.
func TestAnalysesHelp(t *testing.T) {
	for cmd, wants := range map[string][]string{
		"coword":   {"Callon, Courtial, Turner & Bauin 1983", "Snowball", "--ngrams", "--thesaurus", "score<Avg. pub. year>"},
		"thematic": {"centrality(T) = 10 · Σ e_ij", "density(T)    = 100 · Σ e_ij", "doi:10.1016/j.joi.2010.10.002", "|U ∩ V| / min(|U|, |V|)", "motor themes"},
		"tos":      {"--thesaurus", "SAP(v) = leaf_paths(v) · root_sap(v) + root_paths(v) · leaf_sap(v)", "doi:10.15446/ing.investig.v40n1.77718", "python-bibx"},
		"cocite":   {"--slice-years", "--overlay", "label<TAB>replace by"},
		"analyze":  {"--overlay year|citations", "--thesaurus FILE"},
	} {
		out, _, code := toolboxRun(t, cmd, "--help")
		for _, w := range wants {
			if code != 0 || !strings.Contains(out, w) {
				t.Errorf("%s --help: exit %d, no %q", cmd, code, w)
			}
		}
	}
}

// column returns the index of a header name.
func column(t *testing.T, rows [][]string, name string) int {
	t.Helper()
	for i, h := range rows[0] {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, rows[0])
	return -1
}

// TestThesaurusFlag: a thesaurus merges and drops keywords of the co-word
// network and says so; a wrong file stops the command with its name and
// line; --thesaurus works on analyze's co-citation networks too.
func TestThesaurusFlag(t *testing.T) {
	dir := t.TempDir()
	th := filepath.Join(dir, "thesaurus.txt")
	os.WriteFile(th, []byte("label\treplace by\nbit patterned media (bpm)\tbit-patterned media\nmedia\t\nRichter 2006a\tTerris 2005a\n"), 0o644)
	out := filepath.Join(dir, "out")
	stdout, stderr, code := toolboxRun(t, "coword", "--min-occurrences", "5", "--thesaurus", th, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "thesaurus "+th+" (3 entries), keywords: 1 label replaced (1 merged into others), 1 ignored") {
		t.Errorf("summary: %s", stdout)
	}
	nodes := toolboxCSV(t, filepath.Join(out, "coword_keywords_nodes.csv"))
	for _, r := range nodes[1:] {
		if r[1] == "media" || r[1] == "bit patterned media (bpm)" {
			t.Errorf("%q is still a node", r[1])
		}
	}
	// Analyze: Richter 2006a, cited by 85 records, is an alias of Terris 2005a.
	stdout, stderr, code = toolboxRun(t, "analyze", "--sample", "wos", "--thesaurus", th, "--export", "csv", "-o", filepath.Join(dir, "an"))
	if code != 0 || !strings.Contains(stdout, "cited works: 1 label replaced (1 merged into others), 0 ignored") {
		t.Errorf("analyze: exit %d %s\n%s", code, stderr, stdout)
	}
	// The commands that draw the citation graph itself merge and drop works:
	// Terris 2005a becomes a root cited by every record that cites it or
	// Richter 2006a, and White 1997 is gone.
	in, err := readSample("wos", readOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := graph.NewCorpus(resolve.Resolve(in.records))
	citing := map[int32]bool{}
	for i := range c.Works {
		if l := c.Works[i].Label; l == "Richter 2006a" || l == "Terris 2005a" {
			for _, u := range c.Citations.In(i) {
				citing[u] = true
			}
		}
	}
	os.WriteFile(th, []byte("label\treplace by\nRichter 2006a\tTerris 2005a\nWhite 1997\t\n"), 0o644)
	for _, cmd := range []string{"tos", "historiograph", "mainpath"} {
		out := filepath.Join(dir, cmd)
		stdout, stderr, code := toolboxRun(t, cmd, "--thesaurus", th, "-o", out)
		if code != 0 || !strings.Contains(stdout, "works: 1 label replaced (1 merged into others), 1 ignored") {
			t.Errorf("%s: exit %d %s\n%s", cmd, code, stderr, stdout)
		}
	}
	rows := toolboxCSV(t, filepath.Join(dir, "tos", "tos.csv"))
	li, ri, si := column(t, rows, "label"), column(t, rows, "role"), column(t, rows, "score")
	if want := strconv.Itoa(len(citing)); rows[1][li] != "Terris 2005a" || rows[1][ri] != "root" || rows[1][si] != want {
		t.Errorf("first root %v, want Terris 2005a with score %s", rows[1], want)
	}
	for _, r := range rows[1:] {
		if r[li] == "Richter 2006a" || r[li] == "White 1997" {
			t.Errorf("%s is still in the tree", r[li])
		}
	}
	for _, c := range []struct{ file, want string }{
		{"", "the file is empty"},
		{"label;replace by\na;b\n", "bad.txt:1: not a VOSviewer thesaurus"},
		{"label\treplace by\na\tb\nc d\n", "bad.txt:3: not a VOSviewer thesaurus: no tab"},
	} {
		bad := filepath.Join(dir, "bad.txt")
		os.WriteFile(bad, []byte(c.file), 0o644)
		_, stderr, code := toolboxRun(t, "coword", "--thesaurus", bad, "-o", filepath.Join(dir, "bad"))
		if code != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want 1 and %q", c.file, code, stderr, c.want)
		}
	}
	if _, stderr, code := toolboxRun(t, "cocite", "--thesaurus", filepath.Join(dir, "none.txt"), "-o", filepath.Join(dir, "bad")); code != 1 || !strings.Contains(stderr, "none.txt") {
		t.Errorf("a missing thesaurus: exit %d, %s", code, stderr)
	}
}

// TestCowordTerms: terms of the WoS sample's titles and abstracts.
func TestCowordTerms(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 500 records")
	}
	out := t.TempDir()
	if _, stderr, code := toolboxRun(t, "coword", "--terms", "--ngrams", "1-2", "--min-occurrences", "20", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	nodes := toolboxCSV(t, filepath.Join(out, "coword_terms_nodes.csv"))
	labels := map[string]bool{}
	for _, r := range nodes[1:] {
		labels[r[1]] = true
		if occ, _ := strconv.ParseFloat(r[2], 64); occ < 20 {
			t.Errorf("%s occurs %v times", r[1], occ)
		}
	}
	for _, want := range []string{"lithography", "bit-patterned media", "magnetic"} {
		if !labels[want] {
			t.Errorf("no term %q among %d", want, len(labels))
		}
	}
	for _, stop := range []string{"the", "study", "results", "using"} {
		if labels[stop] {
			t.Errorf("stop word %q is a term", stop)
		}
	}
}

// TestThematic: the thematic map of the WoS sample's keywords: each theme
// in the quadrant its centrality and density put it, against the medians
// computed here; the DOT file renders with neato.
func TestThematic(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 500 records")
	}
	out := t.TempDir()
	if _, stderr, code := toolboxRun(t, "thematic", "--min-occurrences", "5", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows := toolboxCSV(t, filepath.Join(out, "thematic_map.csv"))
	ci, di, qi := column(t, rows, "centrality"), column(t, rows, "density"), column(t, rows, "quadrant")
	var cs, ds []float64
	for _, r := range rows[1:] {
		c, _ := strconv.ParseFloat(r[ci], 64)
		d, _ := strconv.ParseFloat(r[di], 64)
		cs, ds = append(cs, c), append(ds, d)
	}
	mc, md := medianOf(cs), medianOf(ds)
	quadrants := map[string]int{}
	for i, r := range rows[1:] {
		want := map[[2]bool]string{{true, true}: "motor", {false, true}: "niche", {false, false}: "emerging or declining", {true, false}: "basic"}[[2]bool{cs[i] >= mc, ds[i] >= md}]
		if r[qi] != want {
			t.Errorf("theme %s (%s): c %v d %v is %s, want %s", r[0], r[1], cs[i], ds[i], r[qi], want)
		}
		quadrants[r[qi]]++
	}
	if len(rows) < 5 || len(quadrants) < 3 {
		t.Errorf("%d themes in %d quadrants", len(rows)-1, len(quadrants))
	}
	if svg, err := os.ReadFile(filepath.Join(out, "thematic_map.svg")); err != nil || strings.Count(string(svg), "<circle") != len(rows)-1 {
		t.Errorf("thematic_map.svg: %v", err)
	}
	toolboxRender(t, filepath.Join(out, "thematic_map.dot"), "neato")
}

func medianOf(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if n := len(s); n%2 == 1 {
		return s[n/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// TestThematicEvolution: the slices on the Scopus export of
// python-bibx's examples (1978–2025): each link's inclusion index is its
// shared keywords over the smaller theme, counted from the slices' own
// thematic maps, and its stability the shared over the union.
func TestThematicEvolution(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 581 records")
	}
	out := t.TempDir()
	stdout, stderr, code := toolboxRun(t, "thematic", "--slices", "2005,2012,2019", "--min-occurrences", "3", "-o", out, "../../testdata/exports/scopus-bibx.csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	size := map[[2]string]float64{} // slice, theme → keywords
	for _, p := range []string{"1978-2005", "2006-2012", "2013-2019", "2020-2025"} {
		rows := toolboxCSV(t, filepath.Join(out, "thematic_map_"+p+".csv"))
		for _, r := range rows[1:] {
			n, _ := strconv.ParseFloat(r[column(t, rows, "keywords")], 64)
			size[[2]string{p, r[0]}] = n
		}
	}
	links := toolboxCSV(t, filepath.Join(out, "thematic_evolution.csv"))
	if len(links) < 4 || !strings.Contains(stdout, "thematic evolution:") {
		t.Fatalf("%d links", len(links)-1)
	}
	for _, r := range links[1:] {
		u, v := size[[2]string{r[0], r[1]}], size[[2]string{r[3], r[4]}]
		shared, _ := strconv.ParseFloat(r[6], 64)
		inc, _ := strconv.ParseFloat(r[7], 64)
		stab, _ := strconv.ParseFloat(r[8], 64)
		if got := float64(len(strings.Split(r[11], "; "))); got != shared || u == 0 || v == 0 ||
			math.Abs(inc-shared/math.Min(u, v)) > 1e-12 || math.Abs(stab-shared/(u+v-shared)) > 1e-12 {
			t.Errorf("link %v: |U| %v |V| %v", r, u, v)
		}
	}
	if page, err := os.ReadFile(filepath.Join(out, "thematic_evolution.html")); err != nil || strings.Count(string(page), `<path class="link"`) != len(links)-1 {
		t.Errorf("thematic_evolution.html: %v", err)
	}
}

// TestSlicedCoCitation: --slice-years 3 on the WoS sample (2010–2017)
// builds three co-citation networks, of the records of their years.
func TestSlicedCoCitation(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 500 records")
	}
	out := t.TempDir()
	if _, stderr, code := toolboxRun(t, "cocite", "--slice-years", "3", "--min-citations", "2", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows := toolboxCSV(t, filepath.Join(out, "cocitation_documents_slices.csv"))
	want := map[string]int{"2010-2012": 60 + 87 + 83, "2013-2015": 72 + 54 + 64, "2016-2017": 61 + 19} // PY lines of the export
	if len(rows) != 4 {
		t.Fatalf("slices %v", rows)
	}
	for _, r := range rows[1:] {
		if n, _ := strconv.Atoi(r[3]); n != want[r[0]] {
			t.Errorf("slice %s: %d records, want %d", r[0], n, want[r[0]])
		}
		if _, err := os.Stat(filepath.Join(out, "cocitation_documents_"+r[0]+"_nodes.csv")); err != nil {
			t.Error(err)
		}
	}
	if _, stderr, code := toolboxRun(t, "couple", "--slices", "2012,x", "-o", out); code != 2 || !strings.Contains(stderr, "not a year") {
		t.Errorf("--slices 2012,x: exit %d, %s", code, stderr)
	}
}

// TestTreeOfScienceCommand: 20 roots, 20 trunk works and 50 leaves on the
// WoS sample, the tree renders with dot, and python-bibx's SAP is checked
// in TestTreeOfSciencePythonBibx.
func TestTreeOfScienceCommand(t *testing.T) {
	out := t.TempDir()
	stdout, stderr, code := toolboxRun(t, "tos", "-o", out)
	if code != 0 || !strings.Contains(stdout, "20 roots, 20 trunk, 50 leaves") {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	rows := toolboxCSV(t, filepath.Join(out, "tos.csv"))
	ri, si := column(t, rows, "role"), column(t, rows, "score")
	if rows[1][ri] != "root" || rows[len(rows)-1][ri] != "leaf" {
		t.Errorf("first %v, last %v", rows[1], rows[len(rows)-1])
	}
	for i := 2; i < len(rows); i++ {
		a, _ := strconv.ParseFloat(rows[i-1][si], 64)
		b, _ := strconv.ParseFloat(rows[i][si], 64)
		if rows[i-1][ri] == rows[i][ri] && b > a {
			t.Errorf("rows %d and %d out of order", i-1, i)
		}
	}
	toolboxRender(t, filepath.Join(out, "tos.dot"), "dot")
}

// TestTimelineExport: --export timeline draws the co-citation clusters of
// the WoS sample along the years, as CiteSpace's timeline view, and tables
// them; every work of the table is a node of the network at its year.
func TestTimelineExport(t *testing.T) {
	out := t.TempDir()
	if _, stderr, code := toolboxRun(t, "cocite", "--min-citations", "2", "--export", "timeline", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	svg, err := os.ReadFile(filepath.Join(out, "cocitation_documents_timeline.svg"))
	if err != nil || !strings.Contains(string(svg), "#1 block copolymer") {
		t.Errorf("timeline.svg: %v, first lane not the block copolymer cluster", err)
	}
	rows := toolboxCSV(t, filepath.Join(out, "cocitation_documents_timeline.csv"))
	nodes := toolboxCSV(t, filepath.Join(out, "cocitation_documents_nodes.csv"))
	cluster := map[string]string{}
	for _, r := range nodes[1:] {
		cluster[r[1]] = r[7]
	}
	total := 0
	for _, r := range rows[1:] {
		n, _ := strconv.Atoi(r[2])
		total += n
		if cluster[r[4]] != r[0] || !strings.HasSuffix(strings.TrimRight(r[4], "abcdefgh"), r[1]) {
			t.Errorf("row %q: %s is in cluster %q", r, r[4], cluster[r[4]])
		}
	}
	if total < len(nodes)*9/10 || total >= len(nodes) {
		t.Errorf("%d works placed of %d nodes", total, len(nodes)-1)
	}
}

// TestOverlayAndScores: analyze --overlay year colours map.html by year, and
// the VOSviewer map files carry the scores; coword writes its map and
// VOSviewer files with the mean publication year of each keyword's records.
func TestOverlayAndScores(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 500 records")
	}
	dir := t.TempDir()
	if _, stderr, code := toolboxRun(t, "analyze", "--sample", "wos", "--overlay", "year", "--export", "html,vosviewer", "-o", filepath.Join(dir, "a")); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "a", "map.html"))
	if !strings.Contains(string(page), `"overlay":{"label":"publication year"`) {
		t.Error("map.html is not coloured by year")
	}
	vos, _ := os.ReadFile(filepath.Join(dir, "a", "cocitation_vosviewer_map.txt"))
	if first, _, _ := strings.Cut(string(vos), "\n"); !strings.Contains(first, "\tscore<Pub. year>\tscore<Citations>\tx\ty") {
		t.Errorf("VOSviewer map header %q", first)
	}
	if _, stderr, code := toolboxRun(t, "coword", "--min-occurrences", "5", "--export", "vosviewer", "--overlay", "year", "-o", filepath.Join(dir, "c")); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "c", "coword_keywords_vosviewer_map.txt"))
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	header := strings.Split(lines[0], "\t")
	if header[6] != "score<Avg. pub. year>" || header[7] != "score<Avg. citations>" {
		t.Fatalf("header %q", header)
	}
	for _, l := range lines[1:] {
		y, err := strconv.ParseFloat(strings.Split(l, "\t")[6], 64)
		if err != nil || y < 2010 || y > 2017 {
			t.Errorf("mean year %v in %q", y, l)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "c", "coword_keywords_map.html")); err != nil {
		t.Errorf("--overlay without html in --export: %v", err)
	}
	if _, stderr, code := toolboxRun(t, "analyze", "--overlay", "colour", "-o", filepath.Join(dir, "x")); code != 2 || !strings.Contains(stderr, "overlay") {
		t.Errorf("--overlay colour: exit %d %s", code, stderr)
	}
}
