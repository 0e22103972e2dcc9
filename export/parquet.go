package export

import (
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"
)

// WriteParquet writes a table (its header and rows, given one at a time)
// as an Apache Parquet file (pandas, polars, R arrow,
// DuckDB, Spark read it) with Snappy compression. Each column is optional
// and typed by cols (int64, double, boolean or UTF-8 string, in the order of
// t.Header); an empty cell, or one that does not parse as its type, is
// null, and invalid UTF-8 becomes U+FFFD. Parquet-go orders the columns of the schema by name.
func WriteParquet(w io.Writer, name string, header []string, rows iter.Seq[[]string], cols []Column) error {
	if len(cols) != len(header) {
		return fmt.Errorf("parquet %s: %d column types for %d columns", name, len(cols), len(header))
	}
	group := parquet.Group{}
	for _, c := range cols {
		var node parquet.Node
		switch c.Type {
		case TypeInt:
			node = parquet.Int(64)
		case TypeDouble:
			node = parquet.Leaf(parquet.DoubleType)
		case TypeBool:
			node = parquet.Leaf(parquet.BooleanType)
		default:
			node = parquet.String()
		}
		group[c.Name] = parquet.Optional(node)
	}
	schema := parquet.NewSchema(name, group)
	pw := parquet.NewWriter(w, schema, parquet.Compression(&snappy.Codec{}), parquet.CreatedBy("citegraph", "", ""))
	row := map[string]any{}
	for r := range rows {
		clear(row)
		for i, c := range cols {
			v, ok := typedValue(c.Type, r[i])
			if !ok {
				row[c.Name] = nil
				continue
			}
			switch c.Type {
			case TypeInt:
				row[c.Name], _ = strconv.ParseInt(v, 10, 64)
			case TypeDouble:
				row[c.Name], _ = strconv.ParseFloat(v, 64)
			case TypeBool:
				row[c.Name] = v == "true"
			default:
				row[c.Name] = strings.ToValidUTF8(v, "\uFFFD")
			}
		}
		if err := pw.Write(row); err != nil {
			return fmt.Errorf("parquet %s: %w", name, err)
		}
	}
	return pw.Close()
}
