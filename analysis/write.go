package analysis

import (
	"fmt"
	"io"
	"os"

	"github.com/citegraph/citegraph/export"
)

// WriteDir writes every table and DOT file into dir, creating it if needed.
// Each file is written atomically.
func (r *Result) WriteDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
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
	}
	for _, t := range tables {
		tab := t.table()
		if err := export.WriteFile(dir, t.name, func(w io.Writer) error { return export.WriteCSV(w, tab) }); err != nil {
			return err
		}
	}
	graphs := []struct {
		name string
		dot  func() *export.DOTGraph
	}{
		{"citations.dot", r.CitationsDOT},
		{"cocitation.dot", r.CoCitationDOT},
	}
	for _, g := range graphs {
		d := g.dot()
		if err := export.WriteFile(dir, g.name, func(w io.Writer) error { return export.WriteDOT(w, d) }); err != nil {
			return fmt.Errorf("%s: %w", g.name, err)
		}
	}
	return nil
}
