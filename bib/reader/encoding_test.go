package reader

import (
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

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

// TestDecodeInvalidLinesInPieces: the lines holding bytes that are not
// UTF-8 are found however the input is cut into reads, characters and
// bad sequences split between them.
func TestDecodeInvalidLinesInPieces(t *testing.T) {
	in := strings.Repeat("Müller ü 赵刚 line\n", 3000) + "bad \xe9 line\nok 赵\nbad \xfc\xfc again\n\xe8\xb5\n" +
		strings.Repeat("x", 70000) + "\xff\n" + strings.Repeat("赵刚\n", 30000) + "end \xe8\xb5"
	var want []int
	line := 1
	for i := 0; i < len(in); {
		r, size := utf8.DecodeRuneInString(in[i:])
		if r == utf8.RuneError && size == 1 && (len(want) == 0 || want[len(want)-1] != line) {
			want = append(want, line)
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	for name, r := range map[string]io.Reader{
		"whole":    strings.NewReader(in),
		"one byte": iotest.OneByteReader(strings.NewReader(in)),
		"halves":   iotest.HalfReader(strings.NewReader(in)),
		"data+EOF": iotest.DataErrReader(strings.NewReader(in)),
	} {
		d, err := Decode(r, "utf-8")
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(d)
		if string(got) != in || !slices.Equal(d.InvalidLines(), want) {
			t.Errorf("%s: invalid lines %v, want %v", name, d.InvalidLines(), want)
		}
	}
}
