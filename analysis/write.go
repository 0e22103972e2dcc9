package analysis

import (
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/export"
)

// WriteDir writes the tables and DOT files into dir as one run, replacing
// the earlier output whole (see export.OpenFolder). The folder must be new,
// empty or an earlier output, unless force is set.
func (r *Result) WriteDir(dir string, force bool) error {
	files, err := r.FormatFiles([]string{"csv", "dot"})
	if err != nil {
		return err
	}
	return export.WriteDir(dir, files, export.WithForce(force))
}

// resultTable is one of the tables of an analysis: its rows are made one
// by one as they are written, the large tables never held whole.
type resultTable struct {
	name string
	rows func() (header []string, rows iter.Seq[[]string])
}

// tables lists the tables of the analysis, in the order they are written.
func (r *Result) tables() []resultTable {
	streamed := func(header []string, rows func() iter.Seq[[]string]) func() ([]string, iter.Seq[[]string]) {
		return func() ([]string, iter.Seq[[]string]) { return header, rows() }
	}
	held := func(table func() *export.Table) func() ([]string, iter.Seq[[]string]) {
		return func() ([]string, iter.Seq[[]string]) {
			t := table()
			return t.Header, slices.Values(t.Rows)
		}
	}
	return []resultTable{
		{"works.csv", streamed(WorksHeader, r.worksRows)},
		{"references.csv", streamed(ReferencesHeader, r.referencesRows)},
		{"citations.csv", streamed(CitationsHeader, r.citationsRows)},
		{"cocitation.csv", streamed(LinksHeader, func() iter.Seq[[]string] { return linkRows(r.CoCitation, r.id) })},
		{"clusters.csv", held(r.ClustersTable)},
		{"authors.csv", held(r.AuthorsTable)},
		{"author_cocitation.csv", streamed(LinksHeader, func() iter.Seq[[]string] { return linkRows(r.AuthorCoCitation, r.authorName) })},
		{"matches.csv", streamed(MatchesHeader, r.matchesRows)},
		{"diagnostics.csv", held(func() *export.Table { return DiagnosticsTable(r.Diagnostics) })},
	}
}

// csvFiles write the tables.
func (r *Result) csvFiles() []export.File {
	var files []export.File
	for _, t := range r.tables() {
		files = append(files, export.File{Name: t.name, Write: func(w io.Writer) error {
			header, rows := t.rows()
			return export.WriteCSVRows(w, header, rows)
		}})
	}
	return files
}

func (r *Result) parquetFiles() []export.File {
	var files []export.File
	for _, t := range r.tables() {
		if name := strings.TrimSuffix(t.name, ".csv"); slices.Contains(parquetTables, name) {
			files = append(files, export.File{Name: name + ".parquet", Write: func(w io.Writer) error {
				header, rows := t.rows()
				return export.WriteParquet(w, name, header, rows, Columns(header))
			}})
		}
	}
	return files
}

// ownDOT draws the citation and co-citation networks in citegraph's style
// (CitationsDOT, CoCitationDOT).
func (r *Result) ownDOT(name string) func() *export.DOTGraph {
	switch name {
	case CitationsNetwork:
		return r.CitationsDOT
	case CoCitationNetwork:
		return r.CoCitationDOT
	}
	return nil
}
