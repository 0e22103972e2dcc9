package scale

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/citegraph/citegraph"
	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// TestImportDuckDBLinks closes the loop of docs/scale-out.md on the Web of
// Science sample: the tables DuckDB writes with the SQL of citegraph sql,
// read back by import-links (analysis.ImportNetwork) as a file and as a
// folder of part files (the shape Spark writes, made by DuckDB's
// ROW_GROUPS_PER_FILE), give the nodes, links, clusters and DOT of
// citegraph's own network (analysis.BuildNetwork), under full counting,
// whose weights are equal to the bit.
func TestImportDuckDBLinks(t *testing.T) {
	ctx, conn := openTest(t)
	c, tables := analyzeToParquet(t, "wos", citegraph.WoSSample)
	for _, nw := range [][2]string{{analysis.CoCitationKind, analysis.DocumentLevel}, {analysis.CoCitationKind, analysis.AuthorLevel}} {
		opts := networkCase{nw[0], nw[1], graph.FullCounting, 3}.options()
		want, err := analysis.BuildNetwork(c, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := runSQL(ctx, conn, opts, tables); err != nil {
			t.Fatal(err)
		}
		name := nw[0] + "_" + nw[1]
		nodes, links := filepath.Join(tables, name+"_nodes.parquet"), filepath.Join(tables, name+"_links.parquet")
		parts := filepath.Join(t.TempDir(), name+"_links")
		if _, err := conn.ExecContext(ctx, "COPY (SELECT * FROM read_parquet('"+links+"')) TO '"+parts+"' (FORMAT parquet, ROW_GROUP_SIZE 2048, ROW_GROUPS_PER_FILE 1)"); err != nil {
			t.Fatal(err)
		}
		if files, _ := os.ReadDir(parts); len(files) < 2 {
			t.Fatalf("%s: %d part files, want a folder of several", parts, len(files))
		}
		for _, linksPath := range []string{links, parts} {
			got, err := analysis.ImportNetwork(tables, nodes, linksPath, opts)
			if err != nil {
				t.Fatal(err)
			}
			if want.Raw.Size() == 0 || got.Raw.Size() != want.Raw.Size() {
				t.Fatalf("%s: %d links, citegraph %d", linksPath, got.Raw.Size(), want.Raw.Size())
			}
			for _, tab := range []struct {
				what      string
				got, want *export.Table
			}{
				{"nodes", got.NodesTable(), want.NodesTable()},
				{"links", got.LinksTable(), want.LinksTable()},
				{"clusters", got.ClustersTable(), want.ClustersTable()},
			} {
				if !slices.EqualFunc(tab.got.Rows, tab.want.Rows, slices.Equal) {
					t.Errorf("%s: the %s table differs from citegraph's", linksPath, tab.what)
				}
			}
			var gd, wd bytes.Buffer
			if err := export.WriteDOT(&gd, got.DOT()); err != nil {
				t.Fatal(err)
			}
			if err := export.WriteDOT(&wd, want.DOT()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(gd.Bytes(), wd.Bytes()) {
				t.Errorf("%s: the DOT file differs from citegraph's", linksPath)
			}
		}
	}
}
