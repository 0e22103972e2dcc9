package reader

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
)

// Fuzz targets for the readers and normalisers of this file's formats. Their
// seed corpora run in every "go test"; a long run is
//
//	go test ./bib/reader -run '^$' -fuzz FuzzReaders -fuzztime 10m

func addSeeds(f *testing.F, files ...string) {
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		if len(b) > 16<<10 {
			b = b[:16<<10] // a cut export is a good seed too
		}
		f.Add(b)
	}
}

// FuzzReaders feeds any bytes to every format's reader (and to detection):
// no panic, and every error is a *ParseError naming the input, or the end.
func FuzzReaders(f *testing.F) {
	addSeeds(f, "../../testdata/seed/seed-references.txt", "../../testdata/exports/wos-bit-pattern-savedrecs.txt", "../../testdata/golden/wos-citations.txt")
	f.Add([]byte("PT J\nCR \n   \nER\n"))
	f.Add([]byte("1. a\n3. b\n2. c\n\r\n(1) x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range append(Formats(), "") {
			d, err := Decode(strings.NewReader(string(data)), "")
			if err != nil {
				t.Fatal(err)
			}
			rr, _, err := NewReader(format, d, "fuzz.txt")
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; ; i++ {
				rec, err := rr.Read()
				if err == io.EOF {
					break
				}
				var pe *bib.ParseError
				if err != nil && !errors.As(err, &pe) {
					t.Fatalf("%s: error %v is not a ParseError", format, err)
				}
				if err != nil && (pe.File != "fuzz.txt" || !strings.HasPrefix(err.Error(), "fuzz.txt")) {
					t.Fatalf("%s: error %q does not name the file", format, err)
				}
				if rec != nil {
					for _, ref := range rec.References {
						if !utf8.ValidString(ref.Raw) {
							t.Fatalf("%s: invalid UTF-8 in a reference", format)
						}
					}
				}
				if i > len(data)+1 {
					t.Fatalf("%s: reader does not advance", format)
				}
			}
		}
	})
}
