package reader

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encodings are the text encodings citegraph reads: what exports and
// re-saved files come in (Excel's UTF-16, Windows-1252, Chinese GB18030).
var Encodings = []string{"utf-8", "utf-16le", "utf-16be", "gb18030", "windows-1252"}

// Decoded is an input converted to UTF-8.
type Decoded struct {
	io.Reader
	Encoding string     // the encoding read
	check    *utf8Check // for UTF-8 input: where invalid bytes were
}

// InvalidLines returns the lines (1-based) of a UTF-8 input that held bytes
// that are not UTF-8; the readers see U+FFFD in their place. Call it after
// reading.
func (d *Decoded) InvalidLines() []int {
	if d.check == nil {
		return nil
	}
	return d.check.invalid
}

// detectSize is how much of the input encoding detection looks at.
const detectSize = 64 << 10

// Decode converts r to UTF-8. With enc empty the encoding is detected: a
// byte-order mark names UTF-8 or UTF-16; otherwise the input is UTF-8 when its
// first 64 KiB are, GB18030 when they decode to Chinese text, and
// Windows-1252 else.
func Decode(r io.Reader, enc string) (*Decoded, error) {
	br := bufio.NewReaderSize(r, detectSize)
	head, _ := br.Peek(detectSize)
	if enc == "" {
		enc = detectEncoding(head)
	}
	var e encoding.Encoding
	switch strings.ToLower(enc) {
	case "utf-8", "utf8":
		c := &utf8Check{r: br}
		return &Decoded{Reader: c, Encoding: "utf-8", check: c}, nil
	case "utf-16le", "utf-16":
		e = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case "utf-16be":
		e = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case "gb18030", "gbk", "gb2312":
		e = simplifiedchinese.GB18030
	case "windows-1252", "cp1252", "latin1", "iso-8859-1":
		e = charmap.Windows1252
	default:
		return nil, fmt.Errorf("unknown encoding %q (encodings: %s)", enc, strings.Join(Encodings, ", "))
	}
	return &Decoded{Reader: transform.NewReader(br, e.NewDecoder()), Encoding: strings.ToLower(enc)}, nil
}

func detectEncoding(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return "utf-8"
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return "utf-16le"
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return "utf-16be"
	}
	if validPrefix(head) {
		return "utf-8"
	}
	if looksGB18030(head) {
		return "gb18030"
	}
	return "windows-1252"
}

// validPrefix reports whether b is UTF-8, allowing a sequence cut at the end.
func validPrefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// looksGB18030 reports whether b reads as Chinese text in GB18030: the
// common characters (the GB2312 range) are byte pairs both in 0xA1–0xFE.
// Windows-1252 text has lone high bytes among ASCII letters instead, which
// would pair with an ASCII trail byte.
func looksGB18030(b []byte) bool {
	gb, other := 0, 0
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		if i+1 < len(b) && b[i] >= 0xA1 && b[i] <= 0xFE && b[i+1] >= 0xA1 && b[i+1] <= 0xFE {
			gb++
			i += 2
			continue
		}
		other++
		i++
	}
	return gb > 0 && gb >= 4*other
}

// utf8Check passes UTF-8 through and notes the lines holding invalid bytes.
type utf8Check struct {
	r       io.Reader
	line    int    // lines completed so far
	carry   []byte // an incomplete sequence at the end of the last read
	invalid []int
}

func (c *utf8Check) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	buf := append(c.carry, p[:n]...)
	c.carry = c.carry[:0]
	i := 0
	for i < len(buf) {
		b := buf[i]
		if b < utf8.RuneSelf {
			if b == '\n' {
				c.line++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(buf[i:])
		if r == utf8.RuneError && size <= 1 {
			if err == nil && !utf8.FullRune(buf[i:]) {
				c.carry = append(c.carry, buf[i:]...)
				break
			}
			if k := len(c.invalid); k == 0 || c.invalid[k-1] != c.line+1 {
				c.invalid = append(c.invalid, c.line+1)
			}
		}
		i += max(size, 1)
	}
	return n, err
}
