package scale

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/graph"
)

// networkCase is one network of the grid.
type networkCase struct {
	kind, level string
	counting    graph.Counting
	min         int
}

func (nc networkCase) String() string {
	return fmt.Sprintf("%s_%s/%s/min%d", nc.kind, nc.level, nc.counting, nc.min)
}

func (nc networkCase) options() analysis.NetworkOptions {
	opts := analysis.DefaultNetworkOptions()
	opts.Kind, opts.Level, opts.Counting, opts.MinOccurrences = nc.kind, nc.level, nc.counting, nc.min
	opts.LabelTerms = 0
	return opts
}

// sqlNetworks are the networks citegraph sql writes.
var sqlNetworks = [][2]string{
	{analysis.CoCitationKind, analysis.DocumentLevel}, {analysis.CoCitationKind, analysis.AuthorLevel}, {analysis.CoCitationKind, analysis.SourceLevel},
	{analysis.CouplingKind, analysis.DocumentLevel}, {analysis.CouplingKind, analysis.AuthorLevel}, {analysis.CouplingKind, analysis.SourceLevel},
}

// openTest opens an in-memory DuckDB on two threads for a test, closed
// when the test ends.
func openTest(t *testing.T) (context.Context, *sql.Conn) {
	t.Helper()
	ctx := context.Background()
	db, conn, err := Open(ctx, "threads = 2")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Close()
		db.Close()
	})
	return ctx, conn
}

// checkAgreement runs the DuckDB SQL of a network under each normalisation
// of norms on the tables in dir, and compares each node's occurrences and
// each link's weight and normalised weight with those of citegraph's own
// network of c (analysis.ProjectNetwork: BuildNetwork's network before it
// is clustered). It returns the number of citegraph's links: a network
// without links is compared too (the SQL must write none), but says little.
func checkAgreement(t *testing.T, ctx context.Context, conn *sql.Conn, c *graph.Corpus, dir string, nc networkCase, norms []graph.Normalization) int {
	t.Helper()
	opts := nc.options()
	r, err := analysis.ProjectNetwork(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	keys := memberKeys(c, nc.kind, nc.level)
	if len(keys) != len(r.Names) {
		t.Fatalf("%d member keys for %d members", len(keys), len(r.Names))
	}
	if err := loadExpected(ctx, conn, r.Raw, func(m int32) string { return keys[m] }, norms); err != nil {
		t.Fatal(err)
	}
	name := nc.kind + "_" + nc.level
	for _, norm := range norms {
		opts.Normalize = norm
		if err := runSQL(ctx, conn, opts, dir); err != nil {
			t.Fatal(err)
		}
		diffs, err := mismatches(ctx, conn, filepath.Join(dir, name+"_nodes.parquet"), filepath.Join(dir, name+"_links.parquet"),
			norm, nc.counting == graph.FullCounting)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diffs {
			t.Errorf("%v: %s", norm, d)
		}
	}
	t.Logf("%d nodes, %d links agree", r.Raw.Order(), r.Raw.Size())
	return r.Raw.Size()
}

// runSQL runs the DuckDB script of citegraph sql for the network of opts
// on the tables in dir, writing into dir.
func runSQL(ctx context.Context, conn *sql.Conn, opts analysis.NetworkOptions, dir string) error {
	var script strings.Builder
	if err := analysis.NetworkSQL(&script, analysis.SQLOptions{NetworkOptions: opts, Dialect: analysis.DuckDB, Tables: dir, Output: dir}); err != nil {
		return err
	}
	return Run(ctx, conn, script.String())
}

// memberKeys are the ids the SQL gives the members of citegraph's network
// of a kind and level: work ids for documents, author and source keys
// (analysis.AuthorshipsTable, analysis.WorkSourcesTable) numbered as
// graph.AuthorGroups and graph.SourceGroups number them (co-citation:
// every work's first author or source) or as graph.RecordAuthors and
// graph.RecordSources do (coupling: the records' authors or sources).
func memberKeys(c *graph.Corpus, kind, level string) []string {
	var keys []string
	if level == analysis.DocumentLevel {
		for i := range c.Works {
			keys = append(keys, c.Works[i].ID)
		}
		return keys
	}
	index := map[string]bool{}
	for i := range c.Works {
		w := &c.Works[i]
		if kind == analysis.CouplingKind && !w.InCorpus {
			continue
		}
		for _, k := range workKeys(w, kind, level) {
			if k != "" && !index[k] {
				index[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// workKeys are the group keys of a work at a level: its first author's
// (co-citation) or all its authors' (coupling), or its source's.
func workKeys(w *resolve.Work, kind, level string) []string {
	if level == analysis.SourceLevel {
		k, _ := graph.SourceKey(&w.Work)
		return []string{k}
	}
	authors := w.Authors
	if kind == analysis.CoCitationKind && len(authors) > 1 {
		authors = authors[:1]
	}
	var keys []string
	for _, a := range authors {
		k, _ := graph.AuthorKey(a)
		keys = append(keys, k)
	}
	return keys
}
