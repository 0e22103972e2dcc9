package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/graph"
)

var toolboxCommands = []string{"cocite", "couple", "coauthor", "coword", "thematic", "tos", "historiograph", "mainpath", "bursts", "rpys"}

func toolboxRun(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(args, strings.NewReader(""), &out, &errb)
	if err != nil {
		errb.WriteString("citegraph: " + err.Error() + "\n")
	}
	return out.String(), errb.String(), exitCode(err)
}

func toolboxCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func toolboxRender(t *testing.T, path, layout string) {
	t.Helper()
	bin, err := exec.LookPath(layout)
	if err != nil {
		t.Logf("Graphviz (%s) not installed: %s not rendered", layout, path)
		return
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "-Tsvg", "-o", os.DevNull, path)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Errorf("%s -Tsvg %s: %v\n%s", layout, path, err, stderr.String())
	}
}

func TestToolboxHelp(t *testing.T) {
	for _, c := range toolboxCommands {
		out, _, code := toolboxRun(t, c, "--help")
		if code != 0 || !strings.Contains(out, "Usage: citegraph "+c) || !strings.Contains(out, "Examples:") {
			t.Errorf("%s --help: exit %d, output %q", c, code, out)
		}
	}
}

func TestToolboxUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"cocite", "--level", "countries"},
		{"coauthor", "--level", "documents"},
		{"couple", "--counting", "half"},
		{"cocite", "--normalize", "pearson"},
		{"cocite", "--objective", "infomap"},
		{"cocite", "--small-clusters", "keep"},
		{"cocite", "--min-citations", "0"},
		{"bursts", "--s", "1"},
		{"mainpath", "--key-routes", "0"},
	} {
		if _, stderr, code := toolboxRun(t, args...); code != 2 || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 with a message", args, code, stderr)
		}
	}
}

// TestToolboxWoS runs every command on the Web of Science sample and checks
// the tables against figures counted independently in the graph tests.
func TestToolboxWoS(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command on 500 records")
	}
	out := t.TempDir()
	for _, args := range [][]string{
		{"cocite"},
		{"cocite", "--level", "sources", "--counting", "fractional", "--normalize", "cosine"},
		{"cocite", "--level", "authors", "--min-citations", "3", "--top", "100"},
		{"couple"},
		{"couple", "--level", "authors", "--objective", "cpm", "--resolution", "0.05", "--min-cluster-size", "3"},
		{"coauthor"},
		{"coauthor", "--level", "countries"},
		{"coauthor", "--level", "institutions", "--small-clusters", "drop", "--min-cluster-size", "3"},
		{"historiograph"},
		{"mainpath"},
		{"bursts", "--sigma"},
		{"rpys"},
	} {
		if _, stderr, code := toolboxRun(t, append(args, "-o", out)...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
	}
	// Expected figures, counted from the resolved references.
	in, err := readSample("wos", readOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := graph.NewCorpus(resolve.Resolve(in.records))
	refs := map[int32]map[int32]bool{}
	for _, r := range c.Refs {
		if refs[r.Citing] == nil {
			refs[r.Citing] = map[int32]bool{}
		}
		refs[r.Citing][r.Work] = true
	}
	pairs := map[[2]int32]bool{}
	internal := 0
	for citing, ws := range refs {
		for a := range ws {
			if c.Works[a].InCorpus && a != citing {
				internal++
			}
			for b := range ws {
				if a < b {
					pairs[[2]int32{a, b}] = true
				}
			}
		}
	}
	// Document co-citation: one link per pair of works cited together;
	// every link has a normalised weight.
	links := toolboxCSV(t, filepath.Join(out, "cocitation_documents_links.csv"))
	if len(links)-1 != len(pairs) {
		t.Errorf("%d co-citation links, want %d", len(links)-1, len(pairs))
	}
	for _, r := range links[1:4] {
		if w, err := strconv.ParseFloat(r[3], 64); err != nil || !(w > 0) {
			t.Errorf("link %v: normalised weight %q", r, r[3])
		}
	}
	clusters := toolboxCSV(t, filepath.Join(out, "cocitation_documents_clusters.csv"))
	if q, _ := strconv.ParseFloat(clusters[1][2], 64); q < 0.5 || clusters[1][6] == "" {
		t.Errorf("co-citation clusters: %v", clusters[1])
	}
	// The historiograph lists the 500 records; the sum of LCS is the number
	// of citations among them.
	hist := toolboxCSV(t, filepath.Join(out, "historiograph.csv"))
	lcs := 0
	for _, r := range hist[1:] {
		n, _ := strconv.Atoi(r[5])
		lcs += n
	}
	if len(hist)-1 != 500 || lcs != internal {
		t.Errorf("historiograph: %d records, LCS sum %d; want 500 and %d", len(hist)-1, lcs, internal)
	}
	// Main path arcs name their works by id and by the historiograph's label.
	labels := map[string]string{}
	for _, r := range hist[1:] {
		labels[r[0]] = r[1]
	}
	mp := toolboxCSV(t, filepath.Join(out, "mainpath.csv"))
	if len(mp) < 2 || mp[0][2] != "cited_label" {
		t.Fatalf("mainpath.csv: %d rows, header %v", len(mp), mp[0])
	}
	checked := 0
	for _, r := range mp[1:] {
		for k := range 2 {
			if want, ok := labels[r[k]]; ok {
				checked++
				if r[k+2] != want {
					t.Errorf("mainpath.csv: %s labelled %q, historiograph %q", r[k], r[k+2], want)
				}
			}
		}
	}
	if checked == 0 {
		t.Error("mainpath.csv names no record of the historiograph")
	}
	// RPYS counts references with a known year: at most the 13,444 CR entries.
	nrefs := 0
	for _, r := range toolboxCSV(t, filepath.Join(out, "rpys.csv"))[1:] {
		n, _ := strconv.Atoi(r[1])
		nrefs += n
	}
	if nrefs < 13000 || nrefs > 13444 {
		t.Errorf("RPYS counts %d references", nrefs)
	}
	if b := toolboxCSV(t, filepath.Join(out, "bursts.csv")); len(b) < 10 || b[1][9] == "" && b[2][9] == "" && b[3][9] == "" {
		t.Errorf("bursts: %d rows, first %v", len(b)-1, b[1])
	}
	drop := toolboxCSV(t, filepath.Join(out, "coauthorship_institutions_nodes.csv"))
	dropped := 0
	for _, r := range drop[1:] {
		if r[7] == "" {
			dropped++
		}
	}
	if dropped == 0 {
		t.Error("--small-clusters drop left every institution clustered")
	}
	for _, f := range []string{"cocitation_documents.dot", "cocitation_sources.dot", "coupling_authors.dot", "coauthorship_countries.dot"} {
		toolboxRender(t, filepath.Join(out, f), "sfdp")
	}
	toolboxRender(t, filepath.Join(out, "historiograph.dot"), "dot")
	toolboxRender(t, filepath.Join(out, "mainpath.dot"), "dot")
}

// TestHistoriographReduce: --reduce draws fewer citations among the same
// records (as many as it says), every one of them a citation of the table,
// which is the same as without --reduce; the drawing renders.
func TestHistoriographReduce(t *testing.T) {
	full, reduced := t.TempDir(), t.TempDir()
	if _, stderr, code := toolboxRun(t, "historiograph", "--top", "0", "-o", full); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	stdout, stderr, code := toolboxRun(t, "historiograph", "--top", "0", "--reduce", "-o", reduced)
	if code != 0 {
		t.Fatalf("--reduce: exit %d: %s", code, stderr)
	}
	read := func(dir, name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if read(full, "historiograph.csv") != read(reduced, "historiograph.csv") {
		t.Error("--reduce changed historiograph.csv")
	}
	cites := map[string]bool{}
	for _, r := range toolboxCSV(t, filepath.Join(full, "historiograph.csv"))[1:] {
		for _, cited := range strings.Split(r[8], ";") {
			if cited != "" {
				cites[`"`+r[0]+`" -> "`+cited+`"`] = true
			}
		}
	}
	edges := func(dot string) (n int, nodes int) {
		for _, line := range strings.Split(dot, "\n") {
			switch {
			case strings.HasPrefix(line, "\t\"") && strings.Contains(line, `" -> "`):
				n++
				if e := strings.TrimSuffix(strings.TrimSpace(line), ";"); !cites[e] {
					t.Errorf("%s is no citation of the table", e)
				}
			case strings.Contains(line, "[label="):
				nodes++
			}
		}
		return n, nodes
	}
	all, nodes := edges(read(full, "historiograph.dot"))
	kept, keptNodes := edges(read(reduced, "historiograph.dot"))
	if all != len(cites) || kept >= all || keptNodes != nodes || nodes != 500 {
		t.Errorf("%d records and %d citations drawn, %d and %d reduced; want 500 records and the table's %d citations, fewer reduced", nodes, all, keptNodes, kept, len(cites))
	}
	if want := fmt.Sprintf("transitive reduction: drawing %d of their %d citations\n", kept, all); !strings.Contains(stdout, want) {
		t.Errorf("stdout %q does not say %q", stdout, want)
	}
	toolboxRender(t, filepath.Join(reduced, "historiograph.dot"), "dot")
}
