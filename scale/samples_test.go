package scale

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph"
	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/bib/reader"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// samples are the inputs the SQL is checked on: the embedded samples and
// the real exports of testdata/exports (their provenance is in
// testdata/README.md).
var samples = []struct {
	name string
	data func() ([]byte, error)
}{
	{"seed", func() ([]byte, error) { return citegraph.SeedReferences, nil }},
	{"wos", func() ([]byte, error) { return citegraph.WoSSample, nil }},
	{"scopus-bibx.csv", readExport("scopus-bibx.csv")},
	{"scopus-litstudy.csv", readExport("scopus-litstudy.csv")},
	{"openalex-works-sample5.json", readExport("openalex-works-sample5.json")},
}

func readExport(name string) func() ([]byte, error) {
	return func() ([]byte, error) { return os.ReadFile(filepath.Join("..", "testdata", "exports", name)) }
}

// analyzeToParquet analyses an input as citegraph analyze does and writes
// its Parquet tables (analyze --export parquet) into a new folder.
func analyzeToParquet(t *testing.T, name string, data []byte) (*graph.Corpus, string) {
	t.Helper()
	rr, _, err := reader.NewReader("", bytes.NewReader(data), name)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := reader.ReadAll(rr, nil)
	if err != nil {
		t.Fatal(err)
	}
	opts := analysis.DefaultOptions()
	opts.Measures = analysis.Measures{}
	res, err := analysis.Run(recs, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	files, err := res.FormatFiles([]string{"parquet"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := export.WriteDir(dir, files); err != nil {
		t.Fatal(err)
	}
	return res.Corpus, dir
}

// TestSamplesAgree runs the DuckDB SQL of every network citegraph sql
// writes — co-citation and coupling of documents, authors and sources,
// full and fractional counting, two thresholds, every normalisation — on
// the Parquet tables of each sample, and checks every node's occurrences
// and every link's weights against citegraph's own network. The
// normalisations are computed by the script's last step alone, the same
// for every network, so each runs at the higher threshold (the smaller
// network) and association strength, the default, at both. Some samples
// have networks without links (the seed list is one record: nothing is
// coupled); the SQL must write none there, and each network must have
// links in some sample.
func TestSamplesAgree(t *testing.T) {
	ctx, conn := openTest(t)
	links := map[string]int{} // network and counting → links compared
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			data, err := s.data()
			if err != nil {
				t.Fatal(err)
			}
			c, dir := analyzeToParquet(t, s.name, data)
			for _, nw := range sqlNetworks {
				for _, counting := range []graph.Counting{graph.FullCounting, graph.FractionalCounting} {
					for _, th := range []struct {
						min   int
						norms []graph.Normalization
					}{{1, []graph.Normalization{graph.AssociationStrength}}, {3, normalizations}} {
						nc := networkCase{nw[0], nw[1], counting, th.min}
						t.Run(nc.String(), func(t *testing.T) {
							links[nc.kind+"_"+nc.level+"/"+nc.counting.String()] += checkAgreement(t, ctx, conn, c, dir, nc, th.norms)
						})
					}
				}
			}
		})
	}
	for _, nw := range sqlNetworks {
		for _, counting := range []graph.Counting{graph.FullCounting, graph.FractionalCounting} {
			if name := nw[0] + "_" + nw[1] + "/" + counting.String(); links[name] == 0 && !t.Failed() {
				t.Errorf("%s: no sample has a link to compare", name)
			}
		}
	}
}
