package export

import (
	"bufio"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
	bw := bufio.NewWriter(w)
	line := appendCSVRow(nil, header)
	if _, err := bw.Write(line); err != nil {
		return err
	}
	for row := range rows {
		line = appendCSVRow(line[:0], row)
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// appendCSVRow appends row to dst as a line of RFC 4180 CSV, byte for
// byte as encoding/csv's Writer writes it (commas, "\n" line ends), but
// looking for the bytes that need quotes a word at a time: the large
// tables hold tens of millions of bytes.
func appendCSVRow(dst []byte, row []string) []byte {
	for i, field := range row {
		if i > 0 {
			dst = append(dst, ',')
		}
		if !csvNeedsQuotes(field) {
			dst = append(dst, field...)
			continue
		}
		dst = append(dst, '"')
		for {
			q := strings.IndexByte(field, '"')
			if q < 0 {
				break
			}
			dst = append(dst, field[:q+1]...)
			dst = append(dst, '"')
			field = field[q+1:]
		}
		dst = append(dst, field...)
		dst = append(dst, '"')
	}
	return append(dst, '\n')
}

// csvNeedsQuotes is encoding/csv's rule: a field is quoted when it holds
// a comma, a quote or a line break, begins with white space, or is \.
func csvNeedsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` || hasCSVSpecial(field) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}

// hasCSVSpecial reports whether s holds a comma, a quote, "\r" or "\n",
// eight bytes at a time: a byte of a word equal to c makes word^(c·ones)
// hold a zero byte, which (x−ones) &^ x & highs finds.
func hasCSVSpecial(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	zero := func(x uint64) uint64 { return (x - ones) &^ x & highs }
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if zero(x^(',')*ones)|zero(x^('"')*ones)|zero(x^('\r')*ones)|zero(x^('\n')*ones) != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c == ',' || c == '"' || c == '\r' || c == '\n' {
			return true
		}
	}
	return false
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
