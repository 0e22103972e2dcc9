package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
)

// hostile labels: every character DOT, CSV, XML and HTML treat specially.
var hostile = []string{
	`Quote " and backslash \ end\`,
	"Line\nbreak\r\nand\ttab",
	`<b>&amp; ]]> </script><script>alert(1)</script>`,
	"Unicode: 赵刚 — Ruffini, Pierre-Bruno ﬁ",
	"",
}

func TestCSVRoundTrip(t *testing.T) {
	tab := &Table{Header: []string{"id", "label"}}
	for i, h := range hostile {
		tab.Rows = append(tab.Rows, []string{Int(i, false), h})
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tab); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], tab.Header) {
		t.Errorf("header %v", rows[0])
	}
	for i, h := range hostile {
		// encoding/csv reads a quoted \r\n as \n, as RFC 4180 readers do.
		want := strings.ReplaceAll(h, "\r\n", "\n")
		if got := rows[i+1][1]; got != want {
			t.Errorf("row %d: %q, want %q", i, got, want)
		}
	}
}

func TestFloatAndInt(t *testing.T) {
	for x, want := range map[float64]string{0: "0", 0.25: "0.25", 1.0 / 3: "0.3333333333333333", 1e-20: "1e-20"} {
		if got := Float(x); got != want {
			t.Errorf("Float(%v) = %q, want %q", x, got, want)
		}
	}
	if Int(0, true) != "" || Int(0, false) != "0" || Int(2020, true) != "2020" {
		t.Error("Int")
	}
}

func hostileGraph() *DOTGraph {
	g := &DOTGraph{Name: "test \"graph\"", Directed: true, Comments: []string{"two\nlines"},
		Graph: []Attr{{"rankdir", "LR"}}, NodeStyle: []Attr{{"shape", "box"}}}
	for i, h := range hostile {
		g.Nodes = append(g.Nodes, DOTNode{ID: Int(i, false), Attrs: []Attr{{"label", h}}})
		if i > 0 {
			g.Edges = append(g.Edges, DOTEdge{From: Int(i-1, false), To: Int(i, false), Attrs: []Attr{{"penwidth", "2"}}})
		}
	}
	return g
}

// TestDOTParsesBack reads the DOT with gonum's parser and checks every label.
func TestDOTParsesBack(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDOT(&buf, hostileGraph()); err != nil {
		t.Fatal(err)
	}
	file, err := dot.ParseBytes(buf.Bytes())
	if err != nil {
		t.Fatalf("gonum cannot parse the DOT: %v\n%s", err, buf.String())
	}
	labels := map[string]string{}
	edges := 0
	for _, st := range file.Graphs[0].Stmts {
		switch s := st.(type) {
		case *ast.NodeStmt:
			for _, a := range s.Attrs {
				if a.Key == "label" {
					labels[unquote(s.Node.ID)] = unquote(a.Val)
				}
			}
		case *ast.EdgeStmt:
			edges++
		}
	}
	if edges != len(hostile)-1 {
		t.Errorf("%d edges, want %d", edges, len(hostile)-1)
	}
	for i, h := range hostile {
		want := strings.NewReplacer("\r", "", "\t", "", "\n", `\n`).Replace(h)
		if got := labels[Int(i, false)]; got != want {
			t.Errorf("label %d = %q, want %q", i, got, want)
		}
	}
}

// unquote undoes DOT's quoting of '"' and '\' (and leaves \n escapes).
func unquote(s string) string {
	if len(s) < 2 || s[0] != '"' {
		return s
	}
	s = s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\') {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// TestGraphvizRendersDOT runs Graphviz itself on the DOT. CI installs
// Graphviz and sets CITEGRAPH_REQUIRE_GRAPHVIZ so this cannot be skipped there.
func TestGraphvizRendersDOT(t *testing.T) {
	dotCmd := RequireGraphviz(t)
	var buf bytes.Buffer
	if err := WriteDOT(&buf, hostileGraph()); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(dotCmd, "-Tsvg")
	cmd.Stdin = &buf
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v: %s", err, stderr.String())
	}
	if !bytes.Contains(out, []byte("</svg>")) {
		t.Error("no SVG out")
	}
}

func TestWriteFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) func(w io.Writer) error {
		return func(w io.Writer) error { _, err := w.Write([]byte(s)); return err }
	}
	if err := WriteFile(dir, "a.csv", write("first")); err != nil {
		t.Fatal(err)
	}
	failing := func(w io.Writer) error {
		w.Write([]byte("half"))
		return os.ErrInvalid
	}
	if err := WriteFile(dir, "a.csv", failing); err == nil {
		t.Fatal("a failed write must return its error")
	}
	b, _ := os.ReadFile(filepath.Join(dir, "a.csv"))
	if string(b) != "first" {
		t.Errorf("after a failed write the file holds %q, want the previous %q", b, "first")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestDOTIDsReadBackAsWritten: Graphviz reads every node id back as the id
// written, tabs, line breaks, quotes and backslashes included, so DOT ids
// equal the ids of the CSV tables.
func TestDOTIDsReadBackAsWritten(t *testing.T) {
	dotCmd := RequireGraphviz(t)
	ids := []string{"WOS:0001\t2", "a\nb", `say "hi"`, `back\slash`, `two\\slashes`, "中文 id", "=cmd"}
	g := &DOTGraph{Name: "ids", Directed: true}
	for _, id := range ids {
		g.Nodes = append(g.Nodes, DOTNode{ID: id})
	}
	var buf bytes.Buffer
	if err := WriteDOT(&buf, g); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(dotCmd, "-Tjson")
	cmd.Stdin = &buf
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("dot -Tjson: %v", err)
	}
	var parsed struct {
		Objects []struct{ Name string } `json:"objects"`
	}
	if err := json.Unmarshal(out, &parsed); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range parsed.Objects {
		got = append(got, o.Name)
	}
	if !slices.Equal(got, ids) {
		t.Errorf("Graphviz read the ids %q, want %q", got, ids)
	}
}
