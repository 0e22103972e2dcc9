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
// input or on a read error (see err). It scans the buffered input for the
// line end; a line wholly in the buffer is copied once, into its string.
func (l *lineReader) next() (string, bool) {
	if l.err != nil {
		return "", false
	}
	l.buf = l.buf[:0]
	for {
		if l.r.Buffered() == 0 {
			if _, err := l.r.Peek(1); err != nil {
				if err == io.EOF && len(l.buf) > 0 {
					l.line++
					return text(l.buf), true
				}
				l.err = err
				return "", false
			}
		}
		chunk, _ := l.r.Peek(l.r.Buffered())
		end := bytes.IndexByte(chunk, '\n')
		if end < 0 {
			end = len(chunk)
		}
		if cr := bytes.IndexByte(chunk[:end], '\r'); cr >= 0 {
			end = cr
		}
		if end == len(chunk) {
			l.buf = append(l.buf, chunk...)
			l.r.Discard(len(chunk))
			continue
		}
		var line string
		if len(l.buf) == 0 {
			line = text(chunk[:end])
		} else {
			l.buf = append(l.buf, chunk[:end]...)
			line = text(l.buf)
		}
		atCR := chunk[end] == '\r'
		l.r.Discard(end + 1)
		if atCR {
			if nb, err := l.r.Peek(1); err == nil && nb[0] == '\n' {
				l.r.Discard(1)
			}
		}
		l.line++
		return line, true
	}
}

// text is a line as a string, bytes that are not UTF-8 read as U+FFFD.
func text(b []byte) string {
	if !utf8.Valid(b) {
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
	}
	return string(b)
}

// failure returns the read error that ended the input, or nil at a clean end.
func (l *lineReader) failure() error {
	if l.err == io.EOF {
		return nil
	}
	return l.err
}
