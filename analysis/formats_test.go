package analysis

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/formats/dot"

	"github.com/citegraph/citegraph/export"
)

func TestParseFormats(t *testing.T) {
	for in, want := range map[string]string{
		"csv,dot":            "csv,dot",
		" DOT , csv,dot":     "csv,dot",
		"graphml":            "graphml",
		"all":                strings.Join(Formats, ","),
		"json,all":           strings.Join(Formats, ","),
		"vosviewer,pajek,,,": "pajek,vosviewer",
	} {
		got, err := ParseFormats(in)
		if err != nil || strings.Join(got, ",") != want {
			t.Errorf("ParseFormats(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", ",", "docx", "csv,xlsx"} {
		if _, err := ParseFormats(bad); err == nil {
			t.Errorf("ParseFormats(%q) must fail", bad)
		}
	}
	if _, err := ParseFormats(DefaultFormats); err != nil {
		t.Error(err)
	}
}

// smallTables are the tables of a tiny analysis: W1 and W2 cite W3 and W4;
// W5 is cited once, alone.
func smallTables() *Tables {
	works := &export.Table{Header: WorksHeader}
	for _, w := range [][]string{
		{"W1", "Ann 2020", "2020", "true", "0", "2", ""},
		{"W2", "Bob 2021", "2021", "true", "0", "3", ""},
		{"W3", "Cat 1999", "1999", "false", "2", "0", "1"},
		{"W4", "Dan 2001", "", "false", "2", "0", "1"},
		{"W5", "Eve 2005", "2005", "false", "1", "0", "2"},
	} {
		row := make([]string, len(WorksHeader))
		for i, h := range WorksHeader {
			switch h {
			case "id", "label", "year", "in_corpus", "citations", "references", "cluster":
				row[i] = w[slices.Index([]string{"id", "label", "year", "in_corpus", "citations", "references", "cluster"}, h)]
			case "title":
				row[i] = "Title of " + w[0]
			}
		}
		works.Rows = append(works.Rows, row)
	}
	return &Tables{
		Works:            works,
		References:       &export.Table{Header: ReferencesHeader},
		Citations:        &export.Table{Header: []string{"citing", "cited"}, Rows: [][]string{{"W1", "W3"}, {"W1", "W4"}, {"W2", "W3"}, {"W2", "W4"}, {"W2", "W5"}}},
		CoCitation:       &export.Table{Header: []string{"a", "b", "count"}, Rows: [][]string{{"W3", "W4", "2"}, {"W3", "W5", "1"}, {"W4", "W5", "1"}}},
		Clusters:         &export.Table{Header: ClustersHeader},
		Authors:          &export.Table{Header: []string{"author", "works", "citations", "cluster"}, Rows: [][]string{{"Cat C", "1", "2", "1"}, {"Dan D", "1", "2", "1"}, {"Ann A", "1", "0", ""}}},
		AuthorCoCitation: &export.Table{Header: []string{"a", "b", "count"}, Rows: [][]string{{"Cat C", "Dan D", "2"}}},
		Matches:          &export.Table{Header: MatchesHeader},
	}
}

func TestNetworksFromTables(t *testing.T) {
	tab := smallTables()
	cit, err := tab.Network(CitationsNetwork)
	if err != nil {
		t.Fatal(err)
	}
	if !cit.Directed || len(cit.Nodes) != 5 || len(cit.Links) != 5 || cit.Nodes[2].Weight != 2 || cit.Nodes[2].Cluster != 1 {
		t.Errorf("citations: %+v", cit)
	}
	co, err := tab.Network(CoCitationNetwork)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range co.Nodes {
		ids = append(ids, n.ID)
	}
	if co.Directed || !slices.Equal(ids, []string{"W3", "W4", "W5"}) || len(co.Links) != 3 || co.Links[0] != (export.Link{Source: 0, Target: 1, Weight: 2}) {
		t.Errorf("cocitation: %v %+v", ids, co.Links)
	}
	au, err := tab.Network(AuthorCoCitationNetwork)
	if err != nil {
		t.Fatal(err)
	}
	if len(au.Nodes) != 2 || au.Nodes[0].ID != "Cat C" || au.Nodes[0].Label != "Cat C" || au.Nodes[0].Weight != 2 {
		t.Errorf("authors: %+v", au.Nodes)
	}

	tab.CoCitation.Rows = append(tab.CoCitation.Rows, []string{"W3", "W9", "1"})
	if _, err := tab.Network(CoCitationNetwork); err == nil || !strings.Contains(err.Error(), "W9") {
		t.Errorf("a link to an unknown work: %v", err)
	}
	if _, err := tab.Network("nope"); err == nil {
		t.Error("unknown network")
	}
}

// TestFilesFromTables writes every format of the small tables, reads the
// folder back, and gets the same files again.
func TestFilesFromTables(t *testing.T) {
	dir := t.TempDir()
	all, _ := ParseFormats("all")
	files, err := smallTables().Files(all, DefaultExportOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := export.WriteDir(dir, files); err != nil {
		t.Fatal(err)
	}
	tab, err := ReadTables(dir)
	if err != nil {
		t.Fatal(err)
	}
	again, err := tab.Files(all, DefaultExportOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != len(files) {
		t.Fatalf("%d files, then %d", len(files), len(again))
	}
	for _, f := range again {
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		old, _ := os.ReadFile(filepath.Join(dir, f.Name))
		if !bytes.Equal(old, buf.Bytes()) {
			t.Errorf("%s differs once read back", f.Name)
		}
		if strings.HasSuffix(f.Name, ".dot") {
			if _, err := dot.ParseBytes(buf.Bytes()); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
		}
	}
}

func TestReadTablesErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadTables(dir); err == nil || !strings.Contains(err.Error(), "works.csv") {
		t.Errorf("no works.csv: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "works.csv"), []byte("id,title\nW1,x\n"), 0o644)
	if _, err := ReadTables(dir); err == nil || !strings.Contains(err.Error(), `no column "label"`) {
		t.Errorf("no label column: %v", err)
	}
	// Columns an older citegraph did not write are empty.
	os.WriteFile(filepath.Join(dir, "works.csv"), []byte("label,id,year\nAnn 2020,W1,2020\n"), 0o644)
	tab, err := ReadTables(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r := tab.Works.Rows[0]; r[0] != "W1" || r[1] != "Ann 2020" || r[4] != "2020" || r[5] != "" || len(r) != len(WorksHeader) {
		t.Errorf("row %q", r)
	}
	if len(tab.Citations.Rows) != 0 || len(tab.CoCitation.Header) != 3 {
		t.Error("missing tables must be empty")
	}
}
