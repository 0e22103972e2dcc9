package main

import (
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/export"
)

// listDir lists the files of dir, hidden ones left out.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestRunReplacesEarlierOutput: a default run after --export all leaves the
// files of the default run only, not the GraphML beside them.
func TestRunReplacesEarlierOutput(t *testing.T) {
	dir := t.TempDir()
	out, fresh := filepath.Join(dir, "out"), filepath.Join(dir, "fresh")
	for _, args := range [][]string{
		{"analyze", "--export", "all", "-o", out},
		{"analyze", "-o", out},
		{"analyze", "-o", fresh},
	} {
		if _, stderr, code := runCmd(t, "", args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
	}
	if got, want := listDir(t, out), listDir(t, fresh); !slices.Equal(got, want) {
		t.Errorf("after --export all and a default run the folder holds %q, want %q", got, want)
	}
}

// TestOutputInsideInputFolder: an output folder inside the input folder is
// not read back as input by the next run; it is listed as skipped.
func TestOutputInsideInputFolder(t *testing.T) {
	papers := t.TempDir()
	os.WriteFile(filepath.Join(papers, "a.txt"), []byte("1. Smith J. 2020. A title. Nature 1, 2.\n2. Jones K. 2019. Another title. Science 3, 4.\n"), 0o644)
	out := filepath.Join(papers, "out")
	var rows []int
	for range 2 {
		if _, stderr, code := runCmd(t, "", "analyze", "-o", out, papers); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		rows = append(rows, len(readCSV(t, filepath.Join(out, "references.csv"))))
	}
	if rows[0] != 2 || rows[1] != 2 {
		t.Errorf("references.csv rows in two runs: %v, want 2 and 2", rows)
	}
	diags := readCSV(t, filepath.Join(out, "diagnostics.csv"))
	if len(diags) != 1 || diags[0]["file"] != out || diags[0]["skipped"] != "folder" {
		t.Errorf("diagnostics %v, want the output folder listed as skipped", diags)
	}
	// Named itself, an output folder is refused as input.
	if _, stderr, code := runCmd(t, "", "analyze", "-o", filepath.Join(papers, "other"), out); code != 1 || !strings.Contains(stderr, "output folder") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestOutputFolderBusy: while a run writes into a folder, a second run is
// refused and leaves the first one's files alone.
func TestOutputFolderBusy(t *testing.T) {
	dir := t.TempDir()
	first, err := export.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if err := first.Write(export.File{Name: "works.csv", Write: func(w io.Writer) error { _, err := io.WriteString(w, "id\n"); return err }}); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCmd(t, "", "analyze", "-o", dir)
	if code != 1 || !strings.Contains(stderr, "another citegraph run") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(first.Path("works.csv")); err != nil {
		t.Errorf("the first run's file is gone: %v", err)
	}
}

// TestCSVSafe: cells that a spreadsheet would run as formulas are written
// as data, and with --csv-safe get a leading apostrophe.
func TestCSVSafe(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "edges.txt")
	os.WriteFile(in, []byte("=HYPERLINK(\"http://x.example\") @SUM(A1)\n-1 +2\n"), 0o644)
	ids := func(args ...string) []string {
		out := filepath.Join(dir, "out")
		if _, stderr, code := runCmd(t, "", append([]string{"analyze", "--format", "edgelist", "-o", out, in}, args...)...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var ids []string
		for _, r := range readCSV(t, filepath.Join(out, "works.csv")) {
			ids = append(ids, r["id"])
		}
		slices.Sort(ids)
		return ids
	}
	if got, want := ids(), []string{"+2", "-1", "=HYPERLINK(\"http://x.example\")", "@SUM(A1)"}; !slices.Equal(got, want) {
		t.Errorf("ids %q, want the data as is %q", got, want)
	}
	if got, want := ids("--csv-safe"), []string{"'=HYPERLINK(\"http://x.example\")", "'@SUM(A1)", "+2", "-1"}; !slices.Equal(got, want) {
		t.Errorf("--csv-safe: ids %q, want %q", got, want)
	}
}

// TestRenderedSVGIsXML: a title holding U+FFFE and U+FFFF, and a record id
// holding a tab, still give SVG that parses as XML, and DOT node ids equal
// to the CSV ids.
func TestRenderedSVGIsXML(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		if os.Getenv("CITEGRAPH_REQUIRE_GRAPHVIZ") != "" {
			t.Fatal("Graphviz is required but not installed")
		}
		t.Skip("Graphviz not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "savedrecs.txt")
	os.WriteFile(in, []byte("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\nTI A title \uFFFE with \uFFFF in it\nSO NATURE\nPY 2020\nCR Jones K, 2001, SCIENCE, V1, P1\nCR Lee M, 2002, CELL, V2, P3\nUT WOS:0001\t2\nER\n\nEF\n"), 0o644)
	out := filepath.Join(dir, "out")
	if _, stderr, code := runCmd(t, "", "analyze", "--export", "csv,dot", "--render", "svg", "-o", out, in); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"citations.svg", "cocitation.svg"} {
		f, err := os.Open(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(f)
		d.Strict = true
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s is not XML: %v", name, err)
				break
			}
		}
		f.Close()
	}
	works := readCSV(t, filepath.Join(out, "works.csv"))
	if works[0]["id"] != "WOS:0001\t2" {
		t.Fatalf("works.csv id %q", works[0]["id"])
	}
	dot, _ := os.ReadFile(filepath.Join(out, "citations.dot"))
	if !strings.Contains(string(dot), "\"WOS:0001\t2\" -> ") {
		t.Errorf("citations.dot does not name the record by its CSV id:\n%s", dot)
	}
}
