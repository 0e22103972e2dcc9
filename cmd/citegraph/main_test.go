package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// runCmd runs the command line and returns stdout, stderr and the exit code.
func runCmd(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(args, strings.NewReader(stdin), &out, &errb)
	if err != nil && !errors.Is(err, errHelp) {
		errb.WriteString("citegraph: " + err.Error() + "\n")
	}
	return out.String(), errb.String(), exitCode(err)
}

func readCSV(t *testing.T, path string) []map[string]string {
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
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// renderDOT checks that Graphviz accepts a DOT file.
func renderDOT(t *testing.T, path, layout string) {
	t.Helper()
	bin, err := exec.LookPath(layout)
	if err != nil {
		if os.Getenv("CITEGRAPH_REQUIRE_GRAPHVIZ") != "" {
			t.Fatalf("Graphviz (%s) is required but not installed", layout)
		}
		t.Skipf("Graphviz (%s) not installed", layout)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "-Tsvg", "-o", os.DevNull, path)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Errorf("%s -Tsvg %s: %v\n%s", layout, path, err, stderr.String())
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"analyze", "--no-such-flag"},
		{"analyze", "--format", "docx", "x"},
		{"analyze", "--min-citations", "-1"},
		{"analyze", "--max-links", "0"},
		{"analyze", "--measures", "closeness"},
		{"metrics"},
		{"parse", "a", "b"},
		{"parse", "--parser", "neural", "x"},
		{"analyze", "--parser", "neural"},
	} {
		if _, stderr, code := runCmd(t, "", args...); code != 2 || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 with a message", args, code, stderr)
		}
	}
}

func TestHelpExits0(t *testing.T) {
	for _, c := range []string{"analyze", "parse", "metrics"} {
		out, _, code := runCmd(t, "", c, "--help")
		if code != 0 || strings.Count(out, "Usage: citegraph "+c) != 1 || !strings.Contains(out, "Examples:") {
			t.Errorf("%s --help: exit %d, output %q; want the usage once", c, code, out)
		}
	}
}

// TestMainUsageListsEveryCommand keeps the usage and the command list in step.
func TestMainUsageListsEveryCommand(t *testing.T) {
	out, _, code := runCmd(t, "", "--help")
	for _, c := range commands {
		if code != 0 || summaries[c.name] == "" || !strings.Contains(out, summaries[c.name]) {
			t.Errorf("the main usage does not describe %s", c.name)
		}
	}
}

func TestMissingFileExits1NamingIt(t *testing.T) {
	_, stderr, code := runCmd(t, "", "analyze", "-o", t.TempDir(), "no/such/file.txt")
	if code != 1 || !strings.Contains(stderr, "no/such/file.txt") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestBadRecordNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("FN Clarivate\nVR 1.0\nPT J\nAU Smith, J\nCR Smith J, 2001, NATURE, V1, P1\n!! broken\nER\n"), 0o644)
	_, stderr, code := runCmd(t, "", "analyze", "--strict", "-o", filepath.Join(dir, "out"), bad)
	if code != 1 || !strings.Contains(stderr, "bad.txt:6") {
		t.Errorf("exit %d, stderr %q; want 1 naming bad.txt:6", code, stderr)
	}
}

// TestAnalyzeWoSSample is the pipeline issue's acceptance on the Web of
// Science sample: every record read, every CR entry a row of
// references.csv, clusters with their modularity, valid DOT.
func TestAnalyzeWoSSample(t *testing.T) {
	out := t.TempDir()
	stdout, stderr, code := runCmd(t, "", "analyze", "--sample", "wos", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "records: 500 read") {
		t.Errorf("summary does not report 500 records:\n%s", stdout)
	}
	refs := readCSV(t, filepath.Join(out, "references.csv"))
	// 13,444 CR entries: the sum of the export's NR fields (testdata/README.md).
	if len(refs) != 13444 {
		t.Errorf("references.csv has %d rows, want 13444", len(refs))
	}
	citing := map[string]bool{}
	for _, r := range refs {
		citing[r["citing"]] = true
		if r["work"] == "" || r["match"] == "" {
			t.Fatalf("unresolved reference row %v", r)
		}
	}
	if len(citing) != 500 {
		t.Errorf("%d citing records in references.csv, want 500", len(citing))
	}
	clusters := readCSV(t, filepath.Join(out, "clusters.csv"))
	if len(clusters) < 2 {
		t.Fatalf("%d clusters", len(clusters))
	}
	q, _ := strconv.ParseFloat(clusters[0]["modularity"], 64)
	if q < 0.3 || q > 1 {
		t.Errorf("modularity %v: a 500-record field should cluster clearly", q)
	}
	renderDOT(t, filepath.Join(out, "citations.dot"), "dot")
	renderDOT(t, filepath.Join(out, "cocitation.dot"), "sfdp")
}

// TestMetricsAgreeWithNetworkx compares PageRank, HITS and betweenness on the
// WoS sample's citation graph with networkx's values
// (testdata/golden/networkx_golden.py), to 1e-9 relative.
func TestMetricsAgreeWithNetworkx(t *testing.T) {
	out := filepath.Join(t.TempDir(), "works.csv")
	if _, stderr, code := runCmd(t, "", "metrics", "--format", "edgelist", "../../testdata/golden/wos-citations.txt", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := map[string]map[string]string{}
	for _, r := range readCSV(t, out) {
		got[r["id"]] = r
	}
	want := readCSV(t, "../../testdata/golden/wos-networkx.csv")
	if len(got) != len(want) {
		t.Fatalf("%d works, networkx has %d", len(got), len(want))
	}
	for _, w := range want {
		g := got[w["id"]]
		for _, col := range []string{"pagerank", "hub", "authority", "betweenness"} {
			x, _ := strconv.ParseFloat(w[col], 64)
			y, err := strconv.ParseFloat(g[col], 64)
			// Scores below 1e-15 are round-off around zero in both.
			if err != nil || math.Abs(x-y) > 1e-9*math.Abs(x)+1e-15 {
				t.Fatalf("%s %s = %s, networkx %s", w["id"], col, g[col], w[col])
			}
		}
	}
}

// TestAnalyzeIsDeterministic: two runs write byte-identical files.
func TestAnalyzeIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if _, stderr, code := runCmd(t, "", "analyze", "--sample", "wos", "-o", dir); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	entries, _ := os.ReadDir(a)
	for _, e := range entries {
		x, _ := os.ReadFile(filepath.Join(a, e.Name()))
		y, _ := os.ReadFile(filepath.Join(b, e.Name()))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", e.Name())
		}
	}
}

// TestQuietWhenNotATerminal: progress goes to a terminal only, so a run
// into a pipe or a log writes nothing on stderr.
func TestQuietWhenNotATerminal(t *testing.T) {
	_, stderr, code := runCmd(t, "", "analyze", "-o", t.TempDir())
	if code != 0 || stderr != "" {
		t.Errorf("exit %d, stderr %q; want nothing on stderr", code, stderr)
	}
	if newProgress(os.Stderr, true) != nil {
		t.Error("--quiet must silence progress")
	}
}
