package reader

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// byteLines is lineReader as it was first written, a byte at a time: the
// oracle of the scanning one.
func byteLines(r io.Reader) (lines []string, numbers []int, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\ufeff")) {
		br.Discard(3)
	}
	var buf []byte
	text := func() string {
		if !utf8.Valid(buf) {
			return string(bytes.ToValidUTF8(buf, []byte("\uFFFD")))
		}
		return string(buf)
	}
	for {
		b, err := br.ReadByte()
		if err != nil {
			if err == io.EOF {
				if len(buf) > 0 {
					lines = append(lines, text())
					numbers = append(numbers, len(lines))
				}
				err = nil
			}
			return lines, numbers, err
		}
		switch b {
		case '\r':
			if nb, err := br.Peek(1); err == nil && nb[0] == '\n' {
				br.Discard(1)
			}
			fallthrough
		case '\n':
			lines = append(lines, text())
			numbers = append(numbers, len(lines))
			buf = buf[:0]
			continue
		}
		buf = append(buf, b)
	}
}

// scanLines reads r with lineReader.
func scanLines(r io.Reader) (lines []string, numbers []int, err error) {
	lr := newLineReader(r)
	for {
		line, ok := lr.next()
		if !ok {
			return lines, numbers, lr.failure()
		}
		lines = append(lines, line)
		numbers = append(numbers, lr.line)
	}
}

var lineTestInputs = []string{
	"",
	"\n",
	"\r",
	"\r\n",
	"\n\r",
	"a",
	"a\nb",
	"a\nb\n",
	"a\r\nb\r\n",
	"a\rb\rc",
	"a\r\r\nb\n\n\r\r",
	"\ufeffFN Clarivate\r\nPT J\r\n",
	"\ufeff",
	"\xef\xbb",
	"caf\xe9\nna\xefve\r\n\xff",
	"PT J\nAU Sun, ZW\n   Li, X\nCR Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371\nER\nEF",
	strings.Repeat("x", 70000) + "\r\n" + strings.Repeat("y", 65535) + "\r\nz",
	strings.Repeat("x", 65535) + "\r" + strings.Repeat("é", 40000) + "\n",
	strings.Repeat("ab\r\n", 40000),
}

// TestLineReaderAsByteReader: lines, numbers and errors are those of
// reading a byte at a time, for every line end, however the input comes.
func TestLineReaderAsByteReader(t *testing.T) {
	readers := map[string]func(string) io.Reader{
		"whole":    func(s string) io.Reader { return strings.NewReader(s) },
		"one byte": func(s string) io.Reader { return iotest.OneByteReader(strings.NewReader(s)) },
		"halves":   func(s string) io.Reader { return iotest.HalfReader(strings.NewReader(s)) },
		"data+EOF": func(s string) io.Reader { return iotest.DataErrReader(strings.NewReader(s)) },
		"failing": func(s string) io.Reader {
			return io.MultiReader(strings.NewReader(s), iotest.ErrReader(errors.New("disk gone")))
		},
	}
	for _, in := range lineTestInputs {
		for name, r := range readers {
			want, wantNums, wantErr := byteLines(r(in))
			got, gotNums, gotErr := scanLines(r(in))
			if !slices.Equal(got, want) || !slices.Equal(gotNums, wantNums) || (gotErr == nil) != (wantErr == nil) {
				t.Errorf("%s %.40q: %d lines %.60q, numbers %v, error %v; want %d %.60q, %v, %v",
					name, in, len(got), got, gotNums[:min(5, len(gotNums))], gotErr, len(want), want, wantNums[:min(5, len(wantNums))], wantErr)
			}
		}
	}
}

func FuzzLineReaderAsByteReader(f *testing.F) {
	for _, in := range lineTestInputs[:16] {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, r := range []func() io.Reader{
			func() io.Reader { return strings.NewReader(in) },
			func() io.Reader { return iotest.OneByteReader(strings.NewReader(in)) },
		} {
			want, wantNums, _ := byteLines(r())
			got, gotNums, _ := scanLines(r())
			if !slices.Equal(got, want) || !slices.Equal(gotNums, wantNums) {
				t.Errorf("%q: %q %v, want %q %v", in, got, gotNums, want, wantNums)
			}
		}
	})
}
