package analysis

import (
	"io"
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

// resultTable is one of the tables of an analysis: its rows are made as
// they are written, the large tables never held whole.
type resultTable struct {
	name   string
	header []string
	rows   func() rowRanges
}

// tables lists the tables of the analysis, in the order they are written.
func (r *Result) tables() []resultTable {
	held := func(table func() *export.Table) func() rowRanges {
		return func() rowRanges { return heldRows(table().Rows) }
	}
	return []resultTable{
		{"works.csv", WorksHeader, r.worksRows},
		{"references.csv", ReferencesHeader, r.referencesRows},
		{"citations.csv", CitationsHeader, r.citationsRows},
		{"cocitation.csv", LinksHeader, func() rowRanges { return linkRows(r.CoCitation, r.id) }},
		{"clusters.csv", ClustersHeader, held(r.ClustersTable)},
		{"authors.csv", AuthorsHeader, held(r.AuthorsTable)},
		{"author_cocitation.csv", LinksHeader, func() rowRanges { return linkRows(r.AuthorCoCitation, r.authorName) }},
		{"matches.csv", MatchesHeader, r.matchesRows},
		{"diagnostics.csv", DiagnosticsHeader, held(func() *export.Table { return DiagnosticsTable(r.Diagnostics) })},
	}
}

// csvFiles write the tables, their rows made on every core.
func (r *Result) csvFiles() []export.File {
	var files []export.File
	for _, t := range r.tables() {
		files = append(files, export.File{Name: t.name, Write: func(w io.Writer) error {
			rows := t.rows()
			return export.WriteCSVRanges(w, t.header, rows.n, rows.rows)
		}})
	}
	return files
}

// ResolvedFiles are the files among those of formats (FormatFiles) that
// are made from the resolved references alone, Corpus: they can be
// written from Options.Resolved on, while Run computes the rest.
func (r *Result) ResolvedFiles(formats []string) []export.File {
	if !slices.Contains(formats, "csv") {
		return nil
	}
	return slices.DeleteFunc(r.csvFiles(), func(f export.File) bool { return !slices.Contains(resolvedTables, f.Name) })
}

// resolvedTables are the tables made from Corpus alone.
var resolvedTables = []string{"references.csv", "citations.csv", "matches.csv"}

func (r *Result) parquetFiles() []export.File {
	var files []export.File
	for _, t := range r.tables() {
		if name := strings.TrimSuffix(t.name, ".csv"); slices.Contains(parquetTables, name) {
			files = append(files, export.File{Name: name + ".parquet", Write: func(w io.Writer) error {
				return export.WriteParquet(w, name, t.header, t.rows().all(), Columns(t.header))
			}})
		}
	}
	return append(files, groupParquetFiles(r.Corpus)...)
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
