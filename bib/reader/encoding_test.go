package reader

import (
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// seedLine is reference 3 of the seed list: Chinese and English halves.
const seedLine = "3. 赵刚. 科技外交的理论与实践. 北京: 时事出版社, 2007: 32. Zhao G. Theory and Practice of Science Diplomacy. Beijing: Current Affairs Press, 2007: 32. (in Chinese)\n"

func TestDecodeDetectsEncodings(t *testing.T) {
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(seedLine)
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(seedLine)
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(seedLine)
	latin := "Müller J, Pérez-García Á. Ciência e diplomacia. Revista, 2019, 3: 1-9.\n"
	cp1252, _ := charmap.Windows1252.NewEncoder().String(latin)
	for _, c := range []struct {
		name, in, enc, want string
	}{
		{"utf-8", seedLine, "utf-8", seedLine},
		{"utf-8 bom", "\ufeff" + seedLine, "utf-8", "\ufeff" + seedLine},
		{"utf-16le", utf16le, "utf-16le", seedLine},
		{"utf-16be", utf16be, "utf-16be", seedLine},
		{"gb18030", gb, "gb18030", seedLine},
		{"windows-1252", cp1252, "windows-1252", latin},
	} {
		d, err := Decode(strings.NewReader(c.in), "")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, _ := io.ReadAll(d)
		if d.Encoding != c.enc || string(got) != c.want {
			t.Errorf("%s: read as %s: %q, want %s: %q", c.name, d.Encoding, got, c.enc, c.want)
		}
	}
}

func TestDecodeReportsInvalidLines(t *testing.T) {
	// Mostly UTF-8 with two stray Latin-1 bytes on lines 2 and 4: detected as
	// UTF-8 from the valid head, the bad lines reported.
	in := strings.Repeat("valid ü line\n", 1) + "bad \xe9 line\nok\nbad \xfc again\n"
	d, err := Decode(strings.NewReader(in), "utf-8")
	if err != nil {
		t.Fatal(err)
	}
	io.ReadAll(d)
	if got := d.InvalidLines(); !slices.Equal(got, []int{2, 4}) {
		t.Errorf("invalid lines %v, want [2 4]", got)
	}
}

func TestDecodeUnknownEncoding(t *testing.T) {
	if _, err := Decode(strings.NewReader(""), "ebcdic"); err == nil || !strings.Contains(err.Error(), "gb18030") {
		t.Errorf("got %v, want an error listing the encodings", err)
	}
}
