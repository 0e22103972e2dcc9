package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/export"
)

func TestSQLCommand(t *testing.T) {
	out, stderr, code := runCmd(t, "", "sql", "cocitation", "--tables", "t", "-o", "o", "--counting", "fractional", "--min-citations", "4", "--dialect", "spark")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"-- citegraph sql cocitation_documents --dialect spark --counting fractional --normalize association --min-citations 4 --tables t --output o",
		"parquet.`t/citations.parquet`", "INSERT OVERWRITE DIRECTORY 'o/cocitation_documents_links' USING parquet", "HAVING count(*) >= 4"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, args := range [][]string{
		{"sql"},
		{"sql", "cocitation", "coupling"},
		{"sql", "coauthorship_authors"},
		{"sql", "cocitation_keywords"},
		{"sql", "cocitation", "--dialect", "sqlite"},
		{"sql", "cocitation", "--counting", "half"},
		{"sql", "cocitation", "--normalize", "pearson"},
		{"sql", "cocitation", "--min-citations", "0"},
		{"sql", "cocitation", "--tables", "it's"},
	} {
		out, stderr, code := runCmd(t, "", args...)
		if code != 2 || out != "" || !strings.Contains(stderr, "citegraph: ") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want a usage error and no script", args, code, out, stderr)
		}
	}
}

// csvToParquet writes a CSV table of a toolbox network as the Parquet
// table NetworkSQL would write, its columns those of header.
func csvToParquet(t *testing.T, csvPath, parquetPath string, header []string) {
	t.Helper()
	rows := readCSV(t, csvPath)
	tab := &export.Table{Header: header}
	for _, r := range rows {
		row := make([]string, len(header))
		for i, h := range header {
			row[i] = r[h]
		}
		tab.Rows = append(tab.Rows, row)
	}
	cols := make([]export.Column, len(header))
	for i, h := range header {
		cols[i] = export.Column{Name: h, Type: export.TypeDouble}
		if h == "id" || h == "a" || h == "b" {
			cols[i].Type = export.TypeString
		}
	}
	err := export.WriteFile(filepath.Dir(parquetPath), filepath.Base(parquetPath), func(w io.Writer) error {
		return export.WriteParquet(w, "t", tab.Header, slices.Values(tab.Rows), cols)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestImportLinksRoundTrip: the co-citation network of cocite, written as
// the Parquet tables an engine writes (the occurrences of the nodes table
// are those of the network, the links its counted and normalised weights)
// and imported against analyze's Parquet tables, gives cocite's nodes,
// links, distribution and DOT files byte for byte, and its clusters (the
// labels aside: the tables keep titles, not abstracts and keywords).
func TestImportLinksRoundTrip(t *testing.T) {
	tables, direct, imported := t.TempDir(), t.TempDir(), t.TempDir()
	for _, args := range [][]string{
		{"analyze", "--sample", "wos", "--export", "parquet", "-o", tables, "--force"},
		{"cocite", "--min-citations", "4", "--counting", "fractional", "-o", direct, "--force"},
	} {
		if _, stderr, code := runCmd(t, "", args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
	}
	csvToParquet(t, filepath.Join(direct, "cocitation_documents_nodes.csv"), filepath.Join(tables, "cocitation_documents_nodes.parquet"), analysis.NodesHeaderSQL)
	csvToParquet(t, filepath.Join(direct, "cocitation_documents_links.csv"), filepath.Join(tables, "cocitation_documents_links.parquet"), analysis.LinksHeaderSQL)
	out, stderr, code := runCmd(t, "", "import-links", filepath.Join(tables, "cocitation_documents_links.parquet"), "--counting", "fractional", "-o", imported, "--force", "--export", "html")
	if code != 0 {
		t.Fatalf("import-links: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "cocitation network of documents (fractional counting, association)") || !strings.Contains(out, "cocitation_documents_map.html") {
		t.Errorf("import-links said\n%s", out)
	}
	for _, name := range []string{"cocitation_documents_nodes.csv", "cocitation_documents_links.csv", "cocitation_documents_distribution.csv", "cocitation_documents.dot"} {
		x, _ := os.ReadFile(filepath.Join(direct, name))
		y, err := os.ReadFile(filepath.Join(imported, name))
		if err != nil || len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between cocite and import-links (%v)", name, err)
		}
	}
	want, got := readCSV(t, filepath.Join(direct, "cocitation_documents_clusters.csv")), readCSV(t, filepath.Join(imported, "cocitation_documents_clusters.csv"))
	if len(want) != len(got) || len(want) < 2 {
		t.Fatalf("%d clusters, cocite %d", len(got), len(want))
	}
	for i := range want {
		for _, col := range []string{"cluster", "size", "modularity", "silhouette", "top_nodes"} {
			if got[i][col] != want[i][col] {
				t.Errorf("cluster %d: %s %q, cocite %q", i+1, col, got[i][col], want[i][col])
			}
		}
	}

	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import-links"}, 2, "give one LINKS table"},
		{[]string{"import-links", filepath.Join(tables, "works.parquet")}, 2, "--network"},
		{[]string{"import-links", filepath.Join(tables, "works.parquet"), "--network", "coauthorship_authors"}, 2, "--network"},
		{[]string{"import-links", filepath.Join(tables, "cocitation_sources_links.parquet")}, 1, "no cocitation_sources_nodes table"},
		{[]string{"import-links", filepath.Join(tables, "cocitation_documents_links.parquet"), "--tables", direct}, 1, "works.parquet"},
	} {
		_, stderr, code := runCmd(t, "", c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, %q; want exit %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
}
