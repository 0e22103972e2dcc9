package citegraph

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// Data flows one way through citegraph, a package per stage, and the
// imports follow it: a package imports only packages of earlier layers.
// layers lists every package of the module (by its path in the module, "."
// for the root) from the first layer to the last; a new package must be
// placed here.
var layers = [][]string{
	{".", "bib", "internal/ocrnoise"}, // the embedded samples; the bibliographic model; OCR noise for tests
	{"bib/refparse"},                  // one reference string → a work
	{"bib/terms"},                     // titles and abstracts → terms
	{"bib/refparse/train"},            // the parser's training (see onlyImportedBy)
	{"bib/reader"},                    // input → records
	{"bib/resolve"},                   // parsed references → resolved works
	{"fetch/fetchtest"},               // a replay server of recorded API answers, for tests
	{"fetch"},                         // corpora from OpenAlex and Crossref (an input beside the readers)
	{"graph"},                         // resolved works → citation graph, networks
	{"metrics"},                       // centrality, clustering, indicators
	{"export"},                        // DOT, CSV, GraphML and the other formats
	{"analysis"},                      // the pipeline
	{"cmd/citegraph", "bench/cgbench", "bench/gen", "bench/wosgen"}, // the programs
}

// onlyImportedBy names the packages that alone may import a package.
var onlyImportedBy = map[string][]string{
	"bib/refparse/train": {"cmd/citegraph"},
	"internal/ocrnoise":  {"bib/resolve"}, // tests and benchmarks only
}

// goPackage is what TestLayers reads of "go list -json".
type goPackage struct {
	ImportPath                         string
	Module                             struct{ Path string }
	Imports, TestImports, XTestImports []string
}

// TestLayers fails when a package of the module, or its tests, imports a
// package of its own layer or of a later one, or a package reserved to
// others (onlyImportedBy), and when layers misses a package or names one
// that does not exist.
func TestLayers(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", "./...").Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	var pkgs []goPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p goPackage
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) == 0 {
		t.Fatal("go list found no packages")
	}
	module := pkgs[0].Module.Path
	rel := func(path string) (string, bool) {
		if path == module {
			return ".", true
		}
		r, ok := strings.CutPrefix(path, module+"/")
		return r, ok
	}
	layerOf := map[string]int{}
	for i, l := range layers {
		for _, p := range l {
			layerOf[p] = i
		}
	}
	listed := map[string]bool{}
	for _, p := range pkgs {
		from, _ := rel(p.ImportPath)
		listed[from] = true
		lf, ok := layerOf[from]
		if !ok {
			t.Errorf("package %s is in no layer: add it to layers in layers_test.go", from)
			continue
		}
		for _, imp := range slices.Concat(p.Imports, p.TestImports, p.XTestImports) {
			to, ours := rel(imp)
			if !ours || to == from {
				continue // the standard library, a dependency, or an external test of its own package
			}
			lt, ok := layerOf[to]
			switch {
			case !ok:
				t.Errorf("%s imports %s, which is in no layer", from, to)
			case lt >= lf:
				t.Errorf("%s (layer %d, %v) imports %s (layer %d, %v): a package may import only earlier layers", from, lf, layers[lf], to, lt, layers[lt])
			}
			if only, ok := onlyImportedBy[to]; ok && !slices.Contains(only, from) {
				t.Errorf("%s imports %s, which only %v may import", from, to, only)
			}
		}
	}
	for p := range layerOf {
		if !listed[p] {
			t.Errorf("layers names %s, which is no package of the module", p)
		}
	}
}
