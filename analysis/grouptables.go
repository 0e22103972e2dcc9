package analysis

import (
	"io"
	"slices"
	"strconv"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// The group tables say which author and source each work belongs to, by the
// keys the author and source networks group on, so that an engine reading
// the Parquet tables (NetworkSQL) builds the networks of those levels as
// citegraph does. They are written with the Parquet tables only.

// AuthorshipsHeader is the column list of authorships.parquet.
var AuthorshipsHeader = []string{"work", "position", "author", "author_key"}

// AuthorshipsTable is authorships.parquet: one row for each author of each
// work (position 1 the first author), in the order of works.csv, with the
// author as the author networks name it ("Ruffini P") and the key they
// group on (graph.AuthorKey: folded family name and first initial). Authors
// without a family name have no row.
func AuthorshipsTable(c *graph.Corpus) *export.Table {
	t := &export.Table{Header: AuthorshipsHeader}
	for i := range c.Works {
		w := &c.Works[i]
		for j, a := range w.Authors {
			if key, name := graph.AuthorKey(a); key != "" {
				t.Rows = append(t.Rows, []string{w.ID, strconv.Itoa(j + 1), name, key})
			}
		}
	}
	return t
}

// WorkSourcesHeader is the column list of work_sources.parquet.
var WorkSourcesHeader = []string{"work", "source", "source_key"}

// WorkSourcesTable is work_sources.parquet: the source of each work that
// has one, in the order of works.csv, as the source networks name it (its
// abbreviation, such as the Web of Science J9, else its title) and the key
// they group on (graph.SourceKey).
func WorkSourcesTable(c *graph.Corpus) *export.Table {
	t := &export.Table{Header: WorkSourcesHeader}
	for i := range c.Works {
		w := &c.Works[i]
		if key, name := graph.SourceKey(&w.Work); key != "" {
			t.Rows = append(t.Rows, []string{w.ID, name, key})
		}
	}
	return t
}

// groupParquetFiles are authorships.parquet and work_sources.parquet.
func groupParquetFiles(c *graph.Corpus) []export.File {
	var files []export.File
	for _, f := range []struct {
		name  string
		table func(*graph.Corpus) *export.Table
	}{{"authorships", AuthorshipsTable}, {"work_sources", WorkSourcesTable}} {
		files = append(files, export.File{Name: f.name + ".parquet", Write: func(w io.Writer) error {
			t := f.table(c)
			return export.WriteParquet(w, f.name, t.Header, slices.Values(t.Rows), Columns(t.Header))
		}})
	}
	return files
}
