package export

import (
	"io"
	"unicode/utf8"
)

// XMLTextWriter passes text through to an underlying writer, replacing what
// XML 1.0 forbids — bytes that are not UTF-8, control characters other than
// tab and line breaks, U+FFFE and U+FFFF — by U+FFFD. It makes the SVG
// Graphviz writes valid XML whatever the labels hold. Close writes a
// character cut off at the end.
type XMLTextWriter struct {
	w       io.Writer
	pending []byte // the start of a character cut by the last Write
	out     []byte
}

// NewXMLTextWriter returns an XMLTextWriter writing to w.
func NewXMLTextWriter(w io.Writer) *XMLTextWriter { return &XMLTextWriter{w: w} }

// Write writes p, mended.
func (x *XMLTextWriter) Write(p []byte) (int, error) {
	data := p
	if len(x.pending) > 0 {
		data = append(x.pending, p...)
		x.pending = nil
	}
	out := x.out[:0]
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if validXML(rune(c)) {
				out = append(out, c)
			} else {
				out = append(out, "\uFFFD"...)
			}
			i++
			continue
		}
		if !utf8.FullRune(data[i:]) {
			x.pending = append([]byte(nil), data[i:]...)
			break
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 || !validXML(r) {
			out = append(out, "\uFFFD"...)
		} else {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	x.out = out
	if _, err := x.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Close writes a character the text ended in the middle of, as U+FFFD.
func (x *XMLTextWriter) Close() error {
	if len(x.pending) == 0 {
		return nil
	}
	x.pending = nil
	_, err := io.WriteString(x.w, "\uFFFD")
	return err
}
