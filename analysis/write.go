package analysis

import (
	"io"

	"github.com/citegraph/citegraph/export"
)

// WriteDir writes every table and DOT file into dir as one run, replacing
// the earlier output whole (see export.OpenFolder). The folder must be new,
// empty or an earlier output, unless force is set.
func (r *Result) WriteDir(dir string, force bool) error {
	return export.WriteDir(dir, r.Files(), export.WithForce(force))
}

// Files lists the output files of the analysis.
func (r *Result) Files() []export.File {
	tables := []struct {
		name  string
		table func() *export.Table
	}{
		{"works.csv", r.WorksTable},
		{"references.csv", r.ReferencesTable},
		{"citations.csv", r.CitationsTable},
		{"cocitation.csv", r.CoCitationTable},
		{"clusters.csv", r.ClustersTable},
		{"authors.csv", r.AuthorsTable},
		{"author_cocitation.csv", r.AuthorCoCitationTable},
		{"matches.csv", r.MatchesTable},
		{"diagnostics.csv", func() *export.Table { return DiagnosticsTable(r.Diagnostics) }},
	}
	var files []export.File
	for _, t := range tables {
		files = append(files, export.File{Name: t.name, Write: func(w io.Writer) error { return export.WriteCSV(w, t.table()) }})
	}
	graphs := []struct {
		name string
		dot  func() *export.DOTGraph
	}{
		{"citations.dot", r.CitationsDOT},
		{"cocitation.dot", r.CoCitationDOT},
	}
	for _, g := range graphs {
		files = append(files, export.File{Name: g.name, Write: func(w io.Writer) error { return export.WriteDOT(w, g.dot()) }})
	}
	return files
}
