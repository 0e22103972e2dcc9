package export

import (
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"testing"
)

// byteWriter writes one byte at a time, to cut cells and quotes anywhere.
type byteWriter struct{ w io.Writer }

func (b byteWriter) Write(p []byte) (int, error) {
	for i := range p {
		if _, err := b.w.Write(p[i : i+1]); err != nil {
			return i, err
		}
	}
	return len(p), nil
}

func TestFormulaSafe(t *testing.T) {
	cells := []struct{ in, safe string }{
		{`=HYPERLINK("http://x.example","click")`, `'=HYPERLINK("http://x.example","click")`},
		{"+1+2", "'+1+2"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"=a,\"b\"\nc", "'=a,\"b\"\nc"},
		{"-0.25", "-0.25"},
		{"+1e-3", "+1e-3"},
		{"-", "'-"},
		{"Smith 2020", "Smith 2020"},
		{"", ""},
		{`"=quoted"`, `"=quoted"`},
		{"a=b", "a=b"},
	}
	table := &Table{Header: []string{"id", "title"}}
	for i, c := range cells {
		table.Rows = append(table.Rows, []string{Int(i, false), c.in})
	}
	write := func(w io.Writer) error { return WriteCSV(byteWriter{w}, table) }
	read := func(b []byte) [][]string {
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%v\n%s", err, b)
		}
		return rows[1:]
	}
	var plain, safe bytes.Buffer
	if err := write(&plain); err != nil {
		t.Fatal(err)
	}
	if err := FormulaSafe(write)(&safe); err != nil {
		t.Fatal(err)
	}
	for i, row := range read(plain.Bytes()) {
		if !slices.Equal(row, table.Rows[i]) {
			t.Errorf("plain row %d = %q, want the data as is %q", i, row, table.Rows[i])
		}
	}
	for i, row := range read(safe.Bytes()) {
		if row[0] != Int(i, false) || row[1] != cells[i].safe {
			t.Errorf("safe row %d = %q, want %q", i, row, []string{Int(i, false), cells[i].safe})
		}
	}
}
