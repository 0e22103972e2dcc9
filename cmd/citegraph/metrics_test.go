package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/citegraph/citegraph/analysis"
)

// metricsRows runs citegraph metrics and parses its CSV output by id.
func metricsRows(t *testing.T, stdin string, args ...string) (map[string]map[string]string, string) {
	t.Helper()
	out, stderr, code := runCmd(t, stdin, append([]string{"metrics"}, args...)...)
	if code != 0 {
		t.Fatalf("%q: exit %d: %s", args, code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], analysis.WorksHeader) {
		t.Fatalf("header %q", rows[0])
	}
	byID := map[string]map[string]string{}
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		byID[r[0]] = m
	}
	return byID, stderr
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestMetricsEdgeListMeasures: --measures picks the columns computed; ids
// needing CSV quotes round-trip; stdin is detected as an edge list.
func TestMetricsEdgeListMeasures(t *testing.T) {
	in := "# citing cited\na,1 b\"x\nc a,1\nc c\nd c\n"
	for _, args := range [][]string{
		{"--measures", "citations,pagerank,hits", "-"},
		{"--format", "edgelist", "--measures", "citations,pagerank,hits", "-"},
	} {
		rows, _ := metricsRows(t, in, args...)
		if len(rows) != 4 {
			t.Fatalf("%d rows: %v", len(rows), rows)
		}
		c := rows["c"]
		if c["citations"] != "2" || c["references"] != "2" || c["pagerank"] == "" || c["hub"] == "" || c["authority"] == "" || c["betweenness"] != "" || c["label"] != "" {
			t.Errorf("%q: row c = %v", args, c)
		}
		if b := rows[`b"x`]; b["citations"] != "1" || b["references"] != "0" {
			t.Errorf("%q: row b\"x = %v", args, b)
		}
	}
	rows, _ := metricsRows(t, in, "--measures", "betweenness", "-")
	if a := rows["a,1"]; a["betweenness"] != "2" || a["pagerank"] != "" || a["hub"] != "" {
		t.Errorf("row a,1 = %v, want betweenness 2 only", a)
	}
}

// TestMetricsEdgeListErrors: a malformed line is an error naming file and
// line with --strict, and skipped with a warning otherwise.
func TestMetricsEdgeListErrors(t *testing.T) {
	bad := writeTemp(t, "bad.txt", []byte("a b\nb c\nc d e\nd a\n"))
	_, stderr, code := runCmd(t, "", "metrics", "--strict", "--format", "edgelist", bad)
	if code != 1 || !strings.Contains(stderr, bad+":3: ") || !strings.Contains(stderr, "got 3 fields") {
		t.Errorf("strict: exit %d, stderr %q", code, stderr)
	}
	rows, stderr := metricsRows(t, "", "--format", "edgelist", bad)
	if len(rows) != 4 || !strings.Contains(stderr, "1 problems") || !strings.Contains(stderr, bad+":3:") {
		t.Errorf("lenient: %d rows, stderr %q", len(rows), stderr)
	}
	empty := writeTemp(t, "empty.txt", []byte("# nothing\n"))
	if _, stderr, code := runCmd(t, "", "metrics", "--format", "edgelist", empty); code != 1 || !strings.Contains(stderr, "no citations") {
		t.Errorf("empty: exit %d, stderr %q", code, stderr)
	}
}

// TestMetricsEdgeListEncodings: UTF-16 and Windows-1252 edge lists are
// converted; several files make one graph.
func TestMetricsEdgeListEncodings(t *testing.T) {
	u := utf16.Encode([]rune("\ufeffé1 é2\r\né2 é3\r\n"))
	b := make([]byte, 0, 2*len(u))
	for _, x := range u {
		b = append(b, byte(x), byte(x>>8))
	}
	f16 := writeTemp(t, "utf16.txt", b)
	f1252 := writeTemp(t, "cp1252.txt", []byte("\xe93 \xe91\n"))
	rows, _ := metricsRows(t, "", "--format", "edgelist", "--measures", "citations", f16, f1252)
	if len(rows) != 3 || rows["é1"]["citations"] != "1" || rows["é3"]["references"] != "1" {
		t.Errorf("rows %v", rows)
	}
}
