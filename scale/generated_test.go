package scale

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
)

// generatedCorpus writes a corpus of records citing refs works each
// (bench/gen -corpus: Simon's model, seeded) as Parquet tables into a new
// folder (CorpusTables), and returns it as citegraph's corpus.
func generatedCorpus(t testing.TB, records, refs int) (*graph.Corpus, string) {
	t.Helper()
	dir := t.TempDir()
	gen := exec.Command("go", "run", "github.com/citegraph/citegraph/bench/gen", "-corpus",
		"-n", strconv.Itoa(records), "-refs", strconv.Itoa(refs))
	var stderr bytes.Buffer
	gen.Stderr = &stderr
	edges, err := gen.Output()
	if err != nil {
		t.Fatalf("bench/gen: %v\n%s", err, stderr.Bytes())
	}
	c, err := CorpusTables(bytes.NewReader(edges), dir, true)
	if err != nil {
		t.Fatal(err)
	}
	return c, dir
}

// generatedRecords is the size of the generated corpus, in records citing
// 40 works each: 25,000 (a million references) unless
// CITEGRAPH_SCALE_RECORDS says otherwise.
func generatedRecords(t *testing.T) int {
	n := 25000
	if s := os.Getenv("CITEGRAPH_SCALE_RECORDS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 100 {
			t.Fatalf("CITEGRAPH_SCALE_RECORDS=%q: a number of records, at least 100", s)
		}
	}
	return n
}

// TestGeneratedAgrees checks the SQL at scale, on a generated corpus of a
// million references (generatedCorpus), full and fractional, normalised by
// association strength, with thresholds that keep a few million pairs, as
// a map would (VOSviewer's default for co-citation is 20 citations): the
// SQL reads every reference and its pre-filter drops the rest before the
// self-join. The made-up authors and sources are spread evenly over the
// works, so that without thresholds nearly every record's 40 references
// give 780 pairs of authors or sources, each a link of its own (19M links
// of authors, which citegraph and DuckDB both count in under a minute but
// which take minutes more to compare link by link). Coupling of documents
// and authors runs on the first tenth of the records: every two records
// citing one work are linked, and the most cited works are cited by
// thousands.
func TestGeneratedAgrees(t *testing.T) {
	records := generatedRecords(t)
	ctx, conn := openTest(t)
	type network struct {
		kind, level string
		min         int
	}
	for _, part := range []struct {
		records  int
		networks []network
	}{
		{records, []network{
			{analysis.CoCitationKind, analysis.DocumentLevel, 20},
			{analysis.CoCitationKind, analysis.AuthorLevel, 50},
			{analysis.CoCitationKind, analysis.SourceLevel, 350},
			{analysis.CouplingKind, analysis.SourceLevel, 10},
		}},
		{records / 10, []network{
			{analysis.CouplingKind, analysis.DocumentLevel, 1},
			{analysis.CouplingKind, analysis.AuthorLevel, 80}, // authors of two records or more
		}},
	} {
		start := time.Now()
		c, dir := generatedCorpus(t, part.records, 40)
		t.Logf("%d records, %d references: generated and written in %v", part.records, c.Citations.Size(), time.Since(start).Round(time.Millisecond))
		for _, nw := range part.networks {
			for _, counting := range []graph.Counting{graph.FullCounting, graph.FractionalCounting} {
				nc := networkCase{nw.kind, nw.level, counting, nw.min}
				t.Run(fmt.Sprintf("%dk/%v", part.records*40/1000, nc), func(t *testing.T) {
					if checkAgreement(t, ctx, conn, c, dir, nc, []graph.Normalization{graph.AssociationStrength}) == 0 {
						t.Error("no links to compare")
					}
				})
			}
		}
	}
}
