package export

import (
	"bytes"
	"io"
	"slices"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// readParquet reads a Parquet file back with parquet-go's reader: its
// column names and types, and its rows as maps.
func readParquet(t *testing.T, b []byte) (map[string]string, []map[string]any) {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	for _, field := range f.Schema().Fields() {
		kind := field.Type().String()
		if field.Optional() {
			kind = "optional " + kind
		}
		types[field.Name()] = kind
	}
	r := parquet.NewReader(bytes.NewReader(b), f.Schema())
	var rows []map[string]any
	for {
		row := map[string]any{}
		if err := r.Read(&row); err != nil {
			if err == io.EOF {
				break
			}
			t.Fatal(err)
		}
		rows = append(rows, row)
	}
	return types, rows
}

func TestParquetReadsBack(t *testing.T) {
	n := hostileNetwork(false)
	tab := &Table{}
	for _, c := range n.Columns {
		tab.Header = append(tab.Header, c.Name)
	}
	for _, nd := range n.Nodes {
		tab.Rows = append(tab.Rows, nd.Values)
	}
	tab.Rows = append(tab.Rows, []string{"W6", "bad types", "", "year?", "maybe", "NaN", "x"})
	var buf bytes.Buffer
	if err := WriteParquet(&buf, "works", tab.Header, slices.Values(tab.Rows), n.Columns); err != nil {
		t.Fatal(err)
	}
	types, rows := readParquet(t, buf.Bytes())
	for col, want := range map[string]string{
		"id": "optional STRING", "title": "optional STRING", "year": "optional INT(64,true)",
		"in_corpus": "optional BOOLEAN", "pagerank": "optional DOUBLE", "cluster": "optional INT(64,true)",
	} {
		if types[col] != want {
			t.Errorf("column %s: %q, want %q", col, types[col], want)
		}
	}
	if len(rows) != len(tab.Rows) {
		t.Fatalf("%d rows, want %d", len(rows), len(tab.Rows))
	}
	for i, row := range rows[:len(n.Nodes)] {
		src := tab.Rows[i]
		for j, c := range n.Columns {
			want := typed(c, src[j])
			got := row[c.Name]
			if g, ok := got.(int64); ok {
				got = float64(g)
			}
			if s, ok := want.(string); ok {
				want = jsonWant(s) // invalid UTF-8 as U+FFFD
			}
			if got != want {
				t.Errorf("row %d %s: %#v, want %#v", i, c.Name, row[c.Name], want)
			}
		}
	}
	last := rows[len(rows)-1]
	for _, col := range []string{"year", "in_corpus", "pagerank", "cluster", "title"} {
		if last[col] != nil {
			t.Errorf("a cell that does not parse must be null: %s = %#v", col, last[col])
		}
	}
}
