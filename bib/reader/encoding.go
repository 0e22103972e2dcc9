package reader

import (
	"bufio"
	"bytes"
	"encoding/binary"
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

// detectSize is how much of the input encoding detection looks at when
// the input cannot be read twice (standard input).
const detectSize = 64 << 10

// Decode converts r to UTF-8. With enc empty the encoding is detected: a
// byte-order mark names UTF-8 or UTF-16; NULs in every other byte name
// UTF-16 without one; otherwise the input is UTF-8 when it holds at least
// as many valid multi-byte UTF-8 characters as bytes that are not UTF-8
// (its stray bad bytes then read as U+FFFD, see InvalidLines), GB18030
// when it decodes to Chinese text, and Windows-1252 else. The evidence is
// counted over the whole input when r can seek (a file, read twice), over
// its first 64 KiB when not.
func Decode(r io.Reader, enc string) (*Decoded, error) {
	var ev utf8Evidence
	whole := enc == "" && ev.countAll(r)
	br := bufio.NewReaderSize(r, detectSize)
	head, _ := br.Peek(detectSize)
	if enc == "" {
		if !whole {
			ev.count(head, true)
		}
		enc = detectEncoding(head, ev)
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

func detectEncoding(head []byte, ev utf8Evidence) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return "utf-8"
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return "utf-16le"
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return "utf-16be"
	}
	if enc := utf16ByNULs(head); enc != "" {
		return enc
	}
	if ev.valid >= ev.invalid {
		return "utf-8"
	}
	if looksGB18030(head) {
		return "gb18030"
	}
	return "windows-1252"
}

// utf16ByNULs names the UTF-16 byte order of text without a byte-order
// mark by its NULs: Latin text in UTF-16 has a NUL in every other byte, the
// high byte of each character (second in little-endian, first in
// big-endian). It returns "" for anything else.
func utf16ByNULs(head []byte) string {
	pairs := len(head) / 2
	if pairs < 2 {
		return ""
	}
	var nul [2]int
	for i := range pairs * 2 {
		if head[i] == 0 {
			nul[i%2]++
		}
	}
	// Mostly Latin: most high bytes NUL, (almost) no low byte NUL.
	switch {
	case nul[1] >= pairs/2 && nul[0] <= pairs/50:
		return "utf-16le"
	case nul[0] >= pairs/2 && nul[1] <= pairs/50:
		return "utf-16be"
	}
	return ""
}

// utf8Evidence counts what speaks for and against UTF-8: valid multi-byte
// characters, and bytes that are not UTF-8.
type utf8Evidence struct{ valid, invalid int }

// count adds the evidence of b; a sequence cut at the end of b counts as
// valid when cut is set (the end of a window, not of the input).
func (ev *utf8Evidence) count(b []byte, cut bool) {
	for i := 0; i < len(b); {
		// ASCII, most of an export, is skipped eight bytes at a time.
		for i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 == 0 {
			i += 8
		}
		if i == len(b) {
			break
		}
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r != utf8.RuneError || size > 1:
			ev.valid++
		case cut && !utf8.FullRune(b[i:]):
			return
		default:
			ev.invalid++
		}
		i += size
	}
}

// countAll counts the evidence of the whole of r and seeks back to where r
// was; it reports false, counting nothing, when r cannot seek.
func (ev *utf8Evidence) countAll(r io.Reader) bool {
	rs, ok := r.(io.ReadSeeker)
	if !ok {
		return false
	}
	start, err := rs.Seek(0, io.SeekCurrent)
	if err != nil {
		return false
	}
	buf := make([]byte, 256<<10)
	carry := 0 // bytes of a sequence cut at the end of the last chunk
	for {
		n, err := io.ReadFull(rs, buf[carry:])
		chunk := buf[:carry+n]
		end := err != nil
		keep := 0
		if !end {
			keep = cutTail(chunk)
		}
		ev.count(chunk[:len(chunk)-keep], false)
		copy(buf, chunk[len(chunk)-keep:])
		carry = keep
		if end {
			break
		}
	}
	if _, err := rs.Seek(start, io.SeekStart); err != nil {
		*ev = utf8Evidence{}
		return false
	}
	return true
}

// cutTail returns the length of an incomplete UTF-8 sequence at the end of
// b (0 when b ends on a character boundary).
func cutTail(b []byte) int {
	for k := 1; k <= utf8.UTFMax-1 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c < utf8.RuneSelf {
			return 0
		}
		if utf8.RuneStart(c) {
			if utf8.FullRune(b[len(b)-k:]) {
				return 0
			}
			return k
		}
	}
	return 0
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
	buf := p[:n]
	if len(c.carry) > 0 {
		buf = append(c.carry, buf...)
		c.carry = c.carry[:0]
	}
	// Most reads are valid UTF-8 but for a sequence cut at their end,
	// checked and counted in bulk.
	if whole := len(buf) - cutTail(buf); err == nil && utf8.Valid(buf[:whole]) {
		c.line += bytes.Count(buf[:whole], []byte{'\n'})
		c.carry = append(c.carry, buf[whole:]...)
		return n, err
	}
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
