package export

import (
	"encoding/csv"
	"io"
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
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	if err := cw.WriteAll(t.Rows); err != nil {
		return err
	}
	return cw.Error()
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
