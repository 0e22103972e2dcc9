package analysis

import (
	"github.com/citegraph/citegraph/export"
)

// Diagnostic is one thing the reading stage passed over or repaired, kept so
// that every input is accounted for.
type Diagnostic struct {
	File    string
	Line    int
	Skipped string // what was passed over: "record", or "" for a repair
	Reason  string
}

// DiagnosticsHeader is the column list of diagnostics.csv.
var DiagnosticsHeader = []string{"file", "line", "skipped", "reason"}

// DiagnosticsTable is diagnostics.csv: file, line, what was skipped and why.
func DiagnosticsTable(ds []Diagnostic) *export.Table {
	t := &export.Table{Header: DiagnosticsHeader}
	for _, d := range ds {
		t.Rows = append(t.Rows, []string{d.File, export.Int(d.Line, true), d.Skipped, d.Reason})
	}
	return t
}
