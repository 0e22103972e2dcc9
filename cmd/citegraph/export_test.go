package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
)

// python finds an interpreter with networkx (and igraph when
// CITEGRAPH_REQUIRE_READBACK is set, as in CI), or skips.
func python(t *testing.T) string {
	t.Helper()
	required := os.Getenv("CITEGRAPH_REQUIRE_READBACK") != ""
	check := "import networkx"
	if required {
		check += ", igraph"
	}
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", check).Run() == nil {
			return path
		}
	}
	if required {
		t.Fatalf("CITEGRAPH_REQUIRE_READBACK is set but no python3 can %q", check)
	}
	t.Skip("python3 with networkx is not installed")
	return ""
}

type readerResult struct {
	Directed bool
	Nodes    int
	Edges    int
	Weight   float64
	Attrs    map[string]map[string]any
}

// readBack loads dir's network files with networkx and igraph
// (export/testdata/readback.py), reporting the attributes of the ids given.
func readBack(t *testing.T, dir string, ids []string, stems ...string) map[string]map[string]readerResult {
	t.Helper()
	cmd := exec.Command(python(t), append([]string{"../../export/testdata/readback.py", dir}, stems...)...)
	cmd.Env = append(os.Environ(), "CITEGRAPH_IDS="+strings.Join(ids, ","))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("readback.py: %v\n%s", err, stderr.String())
	}
	var res map[string]json.RawMessage
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	all := map[string]map[string]readerResult{}
	for _, s := range stems {
		var r map[string]readerResult
		if err := json.Unmarshal(res[s], &r); err != nil {
			t.Fatal(err)
		}
		all[s] = r
	}
	return all
}

// networkFiles are the files --export all writes per network.
var networkFiles = []string{".dot", ".graphml", ".gexf", ".net", ".clu", ".vec", "_vosviewer_map.txt", "_vosviewer_network.txt", "_vosviewer.json", ".json", ".cyjs"}

// TestAnalyzeExportAllReadsBack: analyze --export all on the seed sample
// writes every format, and networkx and igraph read each network with the
// node and link counts, link weights and work attributes of the CSV tables.
func TestAnalyzeExportAllReadsBack(t *testing.T) {
	out := t.TempDir()
	if _, stderr, code := runCmd(t, "", "analyze", "--export", "all", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, net := range []string{"citations", "cocitation", "author_cocitation"} {
		for _, ext := range networkFiles {
			if info, err := os.Stat(filepath.Join(out, net+ext)); err != nil || info.Size() == 0 {
				t.Errorf("%s%s: %v", net, ext, err)
			}
		}
	}
	works := readCSV(t, filepath.Join(out, "works.csv"))
	byID := map[string]map[string]string{}
	var ids, clustered []string
	for _, w := range works {
		byID[w["id"]] = w
		ids = append(ids, w["id"])
		if w["cluster"] != "" {
			clustered = append(clustered, w["id"])
		}
	}
	sum := func(rows []map[string]string) float64 {
		s := 0.0
		for _, r := range rows {
			x, err := strconv.ParseFloat(r["count"], 64)
			if err != nil {
				x = 1
			}
			s += x
		}
		return s
	}
	cocit := readCSV(t, filepath.Join(out, "cocitation.csv"))
	cites := readCSV(t, filepath.Join(out, "citations.csv"))
	authors := readCSV(t, filepath.Join(out, "authors.csv"))
	acocit := readCSV(t, filepath.Join(out, "author_cocitation.csv"))
	var clusteredAuthors []string
	for _, a := range authors {
		if a["cluster"] != "" {
			clusteredAuthors = append(clusteredAuthors, a["author"])
		}
	}
	want := map[string]readerResult{
		"citations":         {Directed: true, Nodes: len(works), Edges: len(cites), Weight: float64(len(cites))},
		"cocitation":        {Nodes: len(clustered), Edges: len(cocit), Weight: sum(cocit)},
		"author_cocitation": {Nodes: len(clusteredAuthors), Edges: len(acocit), Weight: sum(acocit)},
	}
	res := readBack(t, out, ids, "citations", "cocitation", "author_cocitation")
	for net, w := range want {
		if len(res[net]) < 5 {
			t.Errorf("%s: read by %d readers only", net, len(res[net]))
		}
		for reader, r := range res[net] {
			if r.Directed != w.Directed || r.Nodes != w.Nodes || r.Edges != w.Edges || math.Abs(r.Weight-w.Weight) > 1e-9 {
				t.Errorf("%s by %s: directed %v, %d nodes, %d edges, weight %v; the CSV says %v, %d, %d, %v",
					net, reader, r.Directed, r.Nodes, r.Edges, r.Weight, w.Directed, w.Nodes, w.Edges, w.Weight)
			}
		}
	}
	// Every work's attributes, as GraphML, GEXF and JSON readers see them,
	// are its works.csv row, typed.
	for _, net := range []string{"citations", "cocitation"} {
		for _, reader := range []string{"graphml_networkx", "graphml_igraph", "gexf_networkx", "json_networkx"} {
			r, ok := res[net][reader]
			if !ok {
				if reader == "graphml_igraph" && os.Getenv("CITEGRAPH_REQUIRE_READBACK") == "" {
					continue
				}
				t.Errorf("%s: no %s", net, reader)
				continue
			}
			nodes := ids
			if net == "cocitation" {
				nodes = clustered
			}
			for _, id := range nodes {
				a, row := r.Attrs[id], byID[id]
				if a == nil {
					t.Errorf("%s by %s: no node %s", net, reader, id)
					continue
				}
				for _, col := range []string{"label", "title", "year", "in_corpus", "citations", "pagerank", "betweenness", "cluster"} {
					if !sameValue(a[col], row[col]) {
						t.Errorf("%s by %s: %s %s = %#v, works.csv has %q", net, reader, id, col, a[col], row[col])
					}
				}
			}
			if net == "cocitation" && reader != "gexf_networkx" {
				if _, ok := r.Attrs[clustered[0]]["x"].(float64); !ok {
					t.Errorf("cocitation by %s: no layout", reader)
				}
			}
		}
	}
	// Pajek vertices are the labels; the .clu partition is works.csv's clusters.
	if r := res["cocitation"]["pajek_networkx"]; r.Nodes > 0 {
		for _, id := range clustered {
			if _, ok := r.Attrs[byID[id]["label"]]; !ok && len(r.Attrs) >= len(clustered) {
				t.Errorf("pajek: no vertex %q", byID[id]["label"])
			}
		}
	}
	clu, _ := os.ReadFile(filepath.Join(out, "cocitation.clu"))
	lines := strings.Fields(string(clu))
	for i, id := range clustered {
		if lines[i+2] != byID[id]["cluster"] {
			t.Errorf("cocitation.clu vertex %d: %s, works.csv cluster %s", i+1, lines[i+2], byID[id]["cluster"])
		}
	}
}

// sameValue compares a value read back with its CSV cell: "" is missing
// (absent, None, igraph's NaN, or igraph's false for a boolean).
func sameValue(got any, cell string) bool {
	switch g := got.(type) {
	case nil:
		return cell == ""
	case bool:
		return strconv.FormatBool(g) == cell || (!g && cell == "")
	case float64:
		x, err := strconv.ParseFloat(cell, 64)
		return err == nil && math.Abs(x-g) <= 1e-12*math.Max(1, math.Abs(x))
	case string:
		return g == cell
	}
	return false
}

// TestExportFromMatchesAnalyze: export --from converts an analyze folder
// into the very files analyze --export writes, without recomputing.
func TestExportFromMatchesAnalyze(t *testing.T) {
	direct, base, converted := t.TempDir(), t.TempDir(), filepath.Join(t.TempDir(), "converted")
	for _, args := range [][]string{
		{"analyze", "--sample", "wos", "--min-citations", "3", "--export", "all", "-o", direct},
		{"analyze", "--sample", "wos", "--min-citations", "3", "-o", base},
		{"export", "--from", base, "--export", "all", "-o", converted},
	} {
		if _, stderr, code := runCmd(t, "", args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
	}
	entries, _ := os.ReadDir(direct)
	compared := 0
	for _, e := range entries {
		name := e.Name()
		if name == "citations.dot" || name == "cocitation.dot" || name == "diagnostics.csv" || strings.HasPrefix(name, ".") {
			continue // analyze draws these two from the analysis; export from the tables
		}
		if name == "authorships.parquet" || name == "work_sources.parquet" {
			continue // made of the parsed authors and sources, which the tables do not keep
		}
		x, _ := os.ReadFile(filepath.Join(direct, name))
		y, err := os.ReadFile(filepath.Join(converted, name))
		if err != nil {
			t.Errorf("export did not write %s", name)
			continue
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between analyze --export and export --from", name)
		}
		compared++
	}
	if compared < 30 {
		t.Errorf("compared %d files", compared)
	}
	renderDOT(t, filepath.Join(converted, "citations.dot"), "dot")
	renderDOT(t, filepath.Join(converted, "cocitation.dot"), "sfdp")

	// Into the folder read: only the new formats are written.
	stdout, stderr, code := runCmd(t, "", "export", "--from", base, "--export", "csv,graphml")
	if code != 0 || !strings.Contains(stdout, "cocitation.graphml") || strings.Contains(stdout, "works.csv") {
		t.Errorf("export into --from: exit %d, %q %q", code, stdout, stderr)
	}
}

func TestExportUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export"},
		{"export", "--from", dir, "extra"},
		{"export", "--from", dir, "--export", "docx"},
		{"export", "--from", dir, "--render", "gif"},
		{"analyze", "--export", "bogus"},
		{"analyze", "--export", ""},
	} {
		if _, stderr, code := runCmd(t, "", args...); code != 2 || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 with a message", args, code, stderr)
		}
	}
	if _, stderr, code := runCmd(t, "", "export", "--from", filepath.Join(dir, "none")); code != 1 || !strings.Contains(stderr, "none") {
		t.Errorf("missing folder: exit %d, %q", code, stderr)
	}
	if _, stderr, code := runCmd(t, "", "export", "--from", dir); code != 1 || !strings.Contains(stderr, "works.csv") {
		t.Errorf("empty folder: exit %d, %q", code, stderr)
	}
	out, _, code := runCmd(t, "", "export", "--help")
	if code != 0 || !strings.Contains(out, "Usage: citegraph export") || !strings.Contains(out, "Examples:") {
		t.Errorf("export --help: %d %q", code, out)
	}
}

func TestExportChoosesFormats(t *testing.T) {
	out := t.TempDir()
	if _, stderr, code := runCmd(t, "", "analyze", "--export", "graphml,gexf", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var names []string
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	want := []string{"author_cocitation.gexf", "author_cocitation.graphml", "citations.gexf", "citations.graphml", "cocitation.gexf", "cocitation.graphml"}
	if !slices.Equal(names, want) {
		t.Errorf("wrote %q, want %q", names, want)
	}
}

// TestRender draws the DOT files when Graphviz is there, and says so
// clearly, still writing the DOT, when it is not.
func TestRender(t *testing.T) {
	out := t.TempDir()
	if _, err := exec.LookPath("sfdp"); err == nil {
		stdout, stderr, code := runCmd(t, "", "analyze", "--export", "csv", "--render", "svg", "-o", out)
		if code != 0 || stderr != "" {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		for _, net := range []string{"citations", "cocitation", "author_cocitation"} {
			b, err := os.ReadFile(filepath.Join(out, net+".svg"))
			if err != nil || !bytes.Contains(b, []byte("</svg>")) {
				t.Errorf("%s.svg: %v", net, err)
			}
			if !strings.Contains(stdout, net+".svg") {
				t.Errorf("stdout does not list %s.svg", net)
			}
		}
	} else if os.Getenv("CITEGRAPH_REQUIRE_GRAPHVIZ") != "" {
		t.Fatal("Graphviz is required but not installed")
	}

	t.Setenv("PATH", t.TempDir()) // no Graphviz
	out = t.TempDir()
	_, stderr, code := runCmd(t, "", "analyze", "--export", "csv", "--render", "png", "-o", out)
	if code != 0 || !strings.Contains(stderr, "Graphviz (dot) is not installed") || !strings.Contains(stderr, "Graphviz (sfdp) is not installed") {
		t.Errorf("without Graphviz: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "cocitation.dot")); err != nil {
		t.Error("the DOT file must still be written")
	}
	if _, err := os.Stat(filepath.Join(out, "cocitation.png")); err == nil {
		t.Error("a picture without Graphviz?")
	}
}

// TestMapInChromium opens the seed sample's map.html in headless Chromium
// (skipped without it, unless CITEGRAPH_REQUIRE_BROWSER is set): it loads
// without an error, draws every work of the co-citation network, and a
// search for Ruffini finds his two works.
func TestMapInChromium(t *testing.T) {
	var bin string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		if os.Getenv("CITEGRAPH_REQUIRE_BROWSER") != "" {
			t.Fatal("CITEGRAPH_REQUIRE_BROWSER is set but Chromium is not installed")
		}
		t.Skip("Chromium not installed")
	}
	out := t.TempDir()
	if _, stderr, code := runCmd(t, "", "analyze", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	clustered := 0
	for _, w := range readCSV(t, filepath.Join(out, "works.csv")) {
		if w["cluster"] != "" {
			clustered++
		}
	}
	page, _ := filepath.Abs(filepath.Join(out, "map.html"))
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--virtual-time-budget=5000", "--dump-dom", "file://"+page+"#search=ruffini")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-time.After(90 * time.Second):
			cmd.Process.Kill()
		}
	}()
	dom, err := cmd.Output()
	close(done)
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	body := regexp.MustCompile(`<body[^>]*>`).FindString(string(dom))
	want := fmt.Sprintf(`data-status="ready" data-nodes="%d" data-drawn="%d"`, clustered, clustered)
	if !strings.Contains(body, want) || strings.Contains(body, "data-errors") {
		t.Errorf("page state %s, want %s", body, want)
	}
	if !strings.Contains(body, `data-matches="2"`) || !strings.Contains(string(dom), "Ruffini 2020a</a> — Collaboration and competition") {
		t.Errorf("the search for ruffini does not list Ruffini 2020a: %s", body)
	}
}

// TestParquetMatchesCSV reads the Parquet tables back with parquet-go and
// finds every cell of the CSV tables, typed.
func TestParquetMatchesCSV(t *testing.T) {
	out := t.TempDir()
	if _, stderr, code := runCmd(t, "", "analyze", "--sample", "wos", "--export", "csv,parquet", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"works", "references", "citations", "cocitation"} {
		csvRows := readCSV(t, filepath.Join(out, name+".csv"))
		b, err := os.ReadFile(filepath.Join(out, name+".parquet"))
		if err != nil {
			t.Fatal(err)
		}
		f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("%s.parquet: %v", name, err)
		}
		if f.NumRows() != int64(len(csvRows)) {
			t.Fatalf("%s.parquet: %d rows, the CSV %d", name, f.NumRows(), len(csvRows))
		}
		r := parquet.NewReader(bytes.NewReader(b), f.Schema())
		for i, want := range csvRows {
			row := map[string]any{}
			if err := r.Read(&row); err != nil {
				t.Fatalf("%s.parquet row %d: %v", name, i, err)
			}
			if len(row) != len(want) {
				t.Fatalf("%s.parquet: columns %v", name, row)
			}
			for col, cell := range want {
				got := row[col]
				if g, ok := got.(int64); ok {
					got = float64(g)
				}
				if !sameValue(got, cell) || (cell != "" && got == nil) {
					t.Fatalf("%s.parquet row %d %s = %#v, the CSV has %q", name, i, col, row[col], cell)
				}
			}
		}
	}
}
