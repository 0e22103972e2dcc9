package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/bib/refparse"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/metrics"
)

// TestTreeOfSciencePythonBibx compares the roles citegraph gives the works
// of the citation graphs of the Web of Science sample and of the Scopus
// export of python-bibx's examples with those python-bibx's
// Sap gives the same graph (testdata/tos_bibx.py loads sap.py from a
// python-bibx checkout, MIT, named by CITEGRAPH_BIBX_SAP: its source is
// not part of citegraph). Both must agree on the works kept by the
// cleaning and on every role and score. Skipped without a checkout or a
// python3 with networkx.
func TestTreeOfSciencePythonBibx(t *testing.T) {
	sapPy := os.Getenv("CITEGRAPH_BIBX_SAP")
	if sapPy == "" {
		t.Skip("CITEGRAPH_BIBX_SAP (python-bibx's src/bibx/algorithms/sap.py) is not set")
	}
	var py string
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", "import networkx").Run() == nil {
			py = path
			break
		}
	}
	if py == "" {
		t.Skip("no python3 with networkx")
	}
	wos, err := readSample("wos", readOptions{})
	if err != nil {
		t.Fatal(err)
	}
	scopus, err := readInputs([]string{"../../testdata/exports/scopus-bibx.csv"}, nil, readOptions{parse: refparse.ParseReference})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []*input{wos, scopus} {
		t.Run(in.name, func(t *testing.T) { compareBibx(t, py, sapPy, graph.NewCorpus(resolve.Resolve(in.records))) })
	}
}

func compareBibx(t *testing.T, py, sapPy string, c *graph.Corpus) {
	dir := t.TempDir()
	var edges, years bytes.Buffer
	for _, e := range c.Citations.Edges() {
		fmt.Fprintf(&edges, "%d %d\n", e.From, e.To)
	}
	for i := range c.Works {
		if y := c.Works[i].Year; y != 0 {
			years.WriteString(strconv.Itoa(y))
		}
		years.WriteString("\n")
	}
	for name, b := range map[string][]byte{"edges": edges.Bytes(), "years": years.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(py, "testdata/tos_bibx.py", sapPy, filepath.Join(dir, "edges"), filepath.Join(dir, "years"))
	cmd.Env = append(os.Environ(), "PYTHONHASHSEED=0")
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("tos_bibx.py: %v\n%s", err, stderr.String())
	}
	tos := analysis.NewTreeOfScience(c, metrics.DefaultTreeOfScienceOptions())
	kept := 0
	for _, k := range tos.Kept {
		if k {
			kept++
		}
	}
	theirs := map[int]string{}
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if f[0] == "kept" {
			if n, _ := strconv.Atoi(f[1]); n != kept {
				t.Errorf("python-bibx keeps %d works, citegraph %d", n, kept)
			}
			continue
		}
		v, _ := strconv.Atoi(f[0])
		score, _ := strconv.ParseFloat(f[2], 64)
		sap, _ := strconv.ParseFloat(f[3], 64)
		theirs[v] = f[1]
		if role := tos.Role(v); role != f[1] {
			t.Errorf("%s (%s): python-bibx %s, citegraph %q", c.Works[v].ID, c.Works[v].Label, f[1], role)
			continue
		}
		if mine := map[string]float64{analysis.RootRole: tos.Root[v], analysis.TrunkRole: tos.Trunk[v], analysis.LeafRole: tos.Leaf[v]}[f[1]]; mine != score || tos.SAP[v] != sap {
			t.Errorf("%s: %s score %v and SAP %v, python-bibx %v and %v", c.Works[v].Label, f[1], mine, tos.SAP[v], score, sap)
		}
	}
	for _, v := range tos.Roles {
		if theirs[int(v)] == "" {
			t.Errorf("%s (%s) is a %s for citegraph only", c.Works[v].ID, c.Works[v].Label, tos.Role(int(v)))
		}
	}
	t.Logf("%d works kept, %d roles, all as python-bibx", kept, len(theirs))
}
