package reader

import (
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// onlyReader hides every method of a reader but Read, as standard input
// has no Seek.
type onlyReader struct{ io.Reader }

// TestDecodeWeighsEvidence: the encoding is decided by what the whole input
// holds, not by one byte in its first 64 KiB.
func TestDecodeWeighsEvidence(t *testing.T) {
	ascii := strings.Repeat("Smith J, 2001, NATURE, V1, P1\n", 3000) // 90 KB of ASCII
	latin, _ := charmap.Windows1252.NewEncoder().String("Müller J, Pérez-García Á, 2019, CIÊNCIA\n")
	for _, c := range []struct {
		name, in, enc string
		invalid       []int
		want          string // a line the decoded text holds
	}{
		{"UTF-8 with one stray byte early", "Müller J, 2001\nbad \x92 byte\n" + ascii + "Pérez A, 2002\n", "utf-8", []int{2}, "Müller J, 2001"},
		{"Windows-1252 after 90 KB of ASCII", ascii + latin, "windows-1252", nil, "Müller J, Pérez-García Á, 2019, CIÊNCIA"},
		{"ASCII", ascii, "utf-8", nil, "Smith J, 2001"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Decode(strings.NewReader(c.in), "")
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(d)
			if d.Encoding != c.enc || !strings.Contains(string(got), c.want) {
				t.Errorf("read as %s, want %s holding %q", d.Encoding, c.enc, c.want)
			}
			if !slices.Equal(d.InvalidLines(), c.invalid) {
				t.Errorf("invalid lines %v, want %v", d.InvalidLines(), c.invalid)
			}
		})
	}
	// Read once (standard input), the first 64 KiB decide.
	d, _ := Decode(onlyReader{strings.NewReader("Müller \x92\n" + ascii)}, "")
	if d.Encoding != "utf-8" {
		t.Errorf("standard input read as %s", d.Encoding)
	}
}

// TestDecodeUTF16WithoutBOM: UTF-16 without a byte-order mark is told by
// its NULs, never read as text full of NULs.
func TestDecodeUTF16WithoutBOM(t *testing.T) {
	text := "FN Clarivate Analytics Web of Science\nPT J\nAU Müller, J\nTI 科技外交 Science diplomacy\nER\n"
	for _, c := range []struct {
		enc   string
		order unicode.Endianness
	}{{"utf-16le", unicode.LittleEndian}, {"utf-16be", unicode.BigEndian}} {
		in, _ := unicode.UTF16(c.order, unicode.IgnoreBOM).NewEncoder().String(text)
		for _, r := range []io.Reader{strings.NewReader(in), onlyReader{strings.NewReader(in)}} {
			d, err := Decode(r, "")
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(d)
			if d.Encoding != c.enc || string(got) != text {
				t.Errorf("%s without BOM read as %s: %q", c.enc, d.Encoding, got)
			}
		}
	}
	// A few NULs in UTF-8 text are not UTF-16.
	d, _ := Decode(strings.NewReader("Smith J, 2001\x00, NATURE\nJones K\x00\x00, 2002\n"), "")
	if d.Encoding != "utf-8" {
		t.Errorf("UTF-8 with stray NULs read as %s", d.Encoding)
	}
}
