package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// csvTestFields are cells at the edges of encoding/csv's quoting rule.
var csvTestFields = []string{
	"", "a", `\.`, `\.x`, ".", " lead", "\tlead", "\u00a0lead", "\u2003lead", "\u0085lead", "trail ",
	"a,b", `say "hi"`, `"`, `""`, "two\nlines", "cr\rhere", "crlf\r\n", "\xff\xfe", "\xffa,",
	"Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371, DOI 10.1163/1871191x-bja10028",
	"exactly8", "exactly,", "1234567,", ",1234567", "12345678,", "赵刚, 科技外交", "0.15384615384615385",
	strings.Repeat("x", 63) + `"`, strings.Repeat("y", 64),
}

// encodingCSV is what encoding/csv writes for rows.
func encodingCSV(rows ...[]string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return b.String()
}

// TestAppendCSVRowAsEncodingCSV: every field, alone and beside the others,
// is written byte for byte as encoding/csv writes it.
func TestAppendCSVRowAsEncodingCSV(t *testing.T) {
	rows := [][]string{csvTestFields, {}, {""}, {"", ""}}
	for _, f := range csvTestFields {
		rows = append(rows, []string{f}, []string{f, f})
	}
	for _, row := range rows {
		if got, want := string(appendCSVRow(nil, row)), encodingCSV(row); got != want {
			t.Errorf("%q: %q, want %q", row, got, want)
		}
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, &Table{Header: []string{"a", "b"}, Rows: rows}); err != nil {
		t.Fatal(err)
	}
	if want := encodingCSV(append([][]string{{"a", "b"}}, rows...)...); b.String() != want {
		t.Errorf("WriteCSV: %q, want %q", b.String(), want)
	}
}

func FuzzAppendCSVRowAsEncodingCSV(f *testing.F) {
	for _, s := range csvTestFields {
		f.Add(s, "b")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		row := []string{a, b}
		if got, want := string(appendCSVRow(nil, row)), encodingCSV(row); got != want {
			t.Errorf("%q: %q, want %q", row, got, want)
		}
	})
}

// BenchmarkCSVRows encodes rows shaped as references.csv's, by
// appendCSVRow and by encoding/csv.
func BenchmarkCSVRows(b *testing.B) {
	row := []string{"WOS:000002654435761", "17", "Luspulkel CG, 2003, ACTA SURF ENG, V13, P11748, DOI 10.1407/actasu301.2003.1",
		"W2", "doi", "1.000", "w500x800.txt", "414321"}
	b.Run("append", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf = appendCSVRow(buf[:0], row)
		}
	})
	b.Run("encoding/csv", func(b *testing.B) {
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		for b.Loop() {
			buf.Reset()
			w.Write(row)
			w.Flush()
		}
	})
}
