package export

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
)

// ReadParquet reads the columns want of a Parquet table written by
// citegraph, DuckDB or Spark: a file, or a folder of part files (what
// Spark writes; files whose names start with "_" or "." are skipped),
// read in name order. The first required columns of want must be there;
// the others are empty where missing. Cells are text: strings as they
// are, numbers as strconv writes them (doubles exactly, to be parsed
// back), booleans "true" or "false", nulls empty. Only flat tables are
// read.
func ReadParquet(path string, want []string, required int) (*Table, error) {
	t := &Table{Header: want}
	err := ScanParquet(path, want, required, func(cells []string) error {
		t.Rows = append(t.Rows, cells)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// ScanParquet reads a table as ReadParquet does, but hands each row's
// cells (a new slice each time) to row instead of keeping them, so that a
// table larger than memory as text can be read; an error from row stops
// the reading and is returned.
func ScanParquet(path string, want []string, required int, row func(cells []string) error) error {
	files := []string{path}
	if info, err := os.Stat(path); err != nil {
		return err
	} else if info.IsDir() {
		entries, err := os.ReadDir(path)
		if err != nil {
			return err
		}
		files = files[:0]
		for _, e := range entries {
			if name := e.Name(); !e.IsDir() && !strings.HasPrefix(name, "_") && !strings.HasPrefix(name, ".") && !strings.HasSuffix(name, ".crc") {
				files = append(files, filepath.Join(path, name))
			}
		}
		if len(files) == 0 {
			return fmt.Errorf("%s: a folder without Parquet files", path)
		}
	}
	for _, f := range files {
		if err := scanParquetFile(f, want, required, row); err != nil {
			return err
		}
	}
	return nil
}

// scanParquetFile reads the rows of one file.
func scanParquetFile(path string, header []string, required int, row func(cells []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	pf, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	// column[i] is the position in header of the file's leaf column i.
	fields := pf.Schema().Fields()
	column := make([]int, len(fields))
	for i, field := range fields {
		if !field.Leaf() {
			return fmt.Errorf("%s: column %q is nested; only flat tables are read", path, field.Name())
		}
		column[i] = slices.Index(header, field.Name())
	}
	for _, name := range header[:required] {
		if !slices.ContainsFunc(fields, func(f parquet.Field) bool { return f.Name() == name }) {
			return fmt.Errorf("%s: no column %q", path, name)
		}
	}
	buf := make([]parquet.Row, 256)
	for _, rg := range pf.RowGroups() {
		rows := rg.Rows()
		for {
			n, err := rows.ReadRows(buf)
			for _, r := range buf[:n] {
				cells := make([]string, len(header))
				for _, v := range r {
					if c := column[v.Column()]; c >= 0 {
						cells[c] = cellText(v)
					}
				}
				if rerr := row(cells); rerr != nil {
					rows.Close()
					return rerr
				}
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				rows.Close()
				return fmt.Errorf("%s: %w", path, err)
			}
		}
		if err := rows.Close(); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return nil
}

// cellText writes a value as ReadParquet's cells hold it.
func cellText(v parquet.Value) string {
	switch v.Kind() {
	case parquet.Boolean:
		return strconv.FormatBool(v.Boolean())
	case parquet.Int32:
		return strconv.FormatInt(int64(v.Int32()), 10)
	case parquet.Int64:
		return strconv.FormatInt(v.Int64(), 10)
	case parquet.Float:
		return strconv.FormatFloat(float64(v.Float()), 'g', -1, 32)
	case parquet.Double:
		return strconv.FormatFloat(v.Double(), 'g', -1, 64)
	case parquet.ByteArray, parquet.FixedLenByteArray:
		return string(v.ByteArray())
	}
	return "" // null
}
