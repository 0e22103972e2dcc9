package export

import (
	"encoding/csv"
	"io"
	"iter"
	"slices"
	"strconv"
)

// Table is a CSV table: a header row and string cells. Missing values are
// empty strings.
type Table struct {
	Header []string
	Rows   [][]string
}

// WriteCSV writes t as RFC 4180 CSV with its header row.
func WriteCSV(w io.Writer, t *Table) error {
	return WriteCSVRows(w, t.Header, slices.Values(t.Rows))
}

// WriteCSVRows writes a header row and then the rows, one at a time as
// they come, so that a table need never be held whole; rows may reuse
// one slice.
func WriteCSVRows(w io.Writer, header []string, rows iter.Seq[[]string]) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for row := range rows {
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Collect is a table holding the rows given, copied.
func Collect(header []string, rows iter.Seq[[]string]) *Table {
	t := &Table{Header: header}
	for row := range rows {
		t.Rows = append(t.Rows, slices.Clone(row))
	}
	return t
}

// Float formats x in the shortest form that reads back exactly, with a
// "." decimal point.
func Float(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// Int formats an integer, or "" for 0 when blankZero is set (an unknown year).
func Int(x int, blankZero bool) string {
	if x == 0 && blankZero {
		return ""
	}
	return strconv.Itoa(x)
}
