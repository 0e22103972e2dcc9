package reader

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"
)

// lineReader yields the lines of a text input one at a time, with their
// 1-based numbers. It takes LF, CRLF and bare CR line ends, drops a leading
// UTF-8 byte-order mark, and reads lines of any length.
type lineReader struct {
	r    *bufio.Reader
	line int
	buf  []byte
	err  error
}

func newLineReader(r io.Reader) *lineReader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\ufeff")) {
		br.Discard(3)
	}
	return &lineReader{r: br}
}

// next returns the next line without its line end, and false at the end of
// input or on a read error (see err).
func (l *lineReader) next() (string, bool) {
	if l.err != nil {
		return "", false
	}
	l.buf = l.buf[:0]
	for {
		b, err := l.r.ReadByte()
		if err != nil {
			if err != io.EOF {
				l.err = err
			} else if len(l.buf) > 0 {
				l.line++
				return l.text(), true
			}
			l.err = err
			return "", false
		}
		switch b {
		case '\n':
			l.line++
			return l.text(), true
		case '\r':
			if nb, err := l.r.Peek(1); err == nil && nb[0] == '\n' {
				l.r.Discard(1)
			}
			l.line++
			return l.text(), true
		}
		l.buf = append(l.buf, b)
	}
}

func (l *lineReader) text() string {
	if !utf8.Valid(l.buf) {
		return string(bytes.ToValidUTF8(l.buf, []byte("\uFFFD")))
	}
	return string(l.buf)
}

// failure returns the read error that ended the input, or nil at a clean end.
func (l *lineReader) failure() error {
	if l.err == io.EOF {
		return nil
	}
	return l.err
}
