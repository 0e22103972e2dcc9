package reader

import (
	"io"
	"os"
	"reflect"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// TestReadAllParsesLater: ReadAll, which has the Web of Science reader
// leave its CR strings to be parsed on the other cores, gives the records
// that reading them one by one gives, every reference parsed.
func TestReadAllParsesLater(t *testing.T) {
	open := func() RecordReader {
		f, err := os.Open("../../testdata/exports/wos-bit-pattern-savedrecs.txt")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		rr, _, err := NewReader(FormatWoS, f, "wos.txt")
		if err != nil {
			t.Fatal(err)
		}
		return rr
	}
	if _, ok := open().(laterParser); !ok {
		t.Fatal("the Web of Science reader does not leave its references to ReadAll")
	}
	all, err := ReadAll(open(), nil)
	if err != nil {
		t.Fatal(err)
	}
	one := readEach(t, open())
	refs, parsed := 0, 0
	for _, rec := range all {
		for _, ref := range rec.References {
			refs++
			if ref.Year != 0 || len(ref.Authors) > 0 {
				parsed++
			}
		}
	}
	if len(all) != 500 || refs != 13444 || parsed < refs*99/100 {
		t.Errorf("%d records, %d references, %d of them parsed", len(all), refs, parsed)
	}
	if !reflect.DeepEqual(all, one) {
		t.Error("ReadAll's records differ from those read one by one")
	}
}

// readEach reads the records one by one (Read), as a caller that does not
// use ReadAll does.
func readEach(t *testing.T, rr RecordReader) []*bib.Record {
	t.Helper()
	var recs []*bib.Record
	for {
		rec, err := rr.Read()
		if err == io.EOF {
			return recs
		}
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
}
