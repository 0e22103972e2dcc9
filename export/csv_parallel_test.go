package export

import (
	"bytes"
	"errors"
	"iter"
	"strconv"
	"testing"
)

// TestWriteCSVRanges: a table made in chunks on every core is the same
// bytes as one made in one pass, whatever the number of rows an item
// gives (here 0 to 2, some needing quotes), and a write error stops it.
func TestWriteCSVRanges(t *testing.T) {
	const n = 3*csvChunk + 17
	rows := func(lo, hi int) iter.Seq[[]string] {
		return func(yield func([]string) bool) {
			row := make([]string, 2)
			for i := lo; i < hi; i++ {
				for k := range i % 3 {
					row[0], row[1] = strconv.Itoa(i), "a, \"b\" "+strconv.Itoa(k)
					if !yield(row) {
						return
					}
				}
			}
		}
	}
	var one, chunked bytes.Buffer
	if err := WriteCSVRows(&one, []string{"i", "text"}, rows(0, n)); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSVRanges(&chunked, []string{"i", "text"}, n, rows); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), chunked.Bytes()) {
		t.Errorf("chunked output differs: %d bytes, one pass %d", chunked.Len(), one.Len())
	}
	if err := WriteCSVRanges(failAfter{1 << 10}, []string{"i", "text"}, n, rows); err == nil {
		t.Error("a failing writer: no error")
	}
}

// failAfter accepts one write of up to n bytes, then fails.
type failAfter struct{ n int }

func (f failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}
