package reader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/citegraph/citegraph/bib"
)

// cslStream yields the works of a JSON input one at a time, as raw JSON
// objects with the line each starts on, without reading the input whole:
//
//   - an array of works: [{…}, {…}];
//   - a single work: {…};
//   - an envelope whose "message" is a work or holds "items" (Crossref),
//     or an object whose "results" or "items" is an array of works
//     (OpenAlex lists); other keys of an envelope are skipped;
//   - JSON Lines: one work a line.
//
// A list item that is not JSON (NaN, a bad escape) is stepped over: it is
// reported as a *ParseError with its line and the items after it are read.
// A syntax error elsewhere ends the input, reported the same way, except in
// JSON Lines, where the bad line alone is skipped. JSON nested deeper than
// encoding/json reads (10,000 levels) is an error that ends the reading.
type cslStream struct {
	file   string
	lc     *cslLineCounter
	dec    *json.Decoder
	frames []*cslFrame
	lines  *lineReader // JSON Lines mode
	done   bool
	values int // top-level values read
	first  int // the line the first top-level value starts on, if an object
	end    int // the line the last top-level value ended on

	// members are the values of the members of the last work returned,
	// with their lines, if it was put together from members (a top-level
	// work or an envelope's message); nil if it was read whole.
	members map[string]cslPos
}

// cslPos is a JSON value and the line it starts on.
type cslPos struct {
	raw  []byte
	line int
}

// cslFrame is an array of works or an object being read.
type cslFrame struct {
	array bool
	line  int               // where the object starts
	keys  [][]byte          // its members so far, as `"key":value`
	vals  map[string]cslPos // and each member's value, with its line
	list  bool              // it held works (an envelope or a list), so is no work itself
}

func newCSLStream(r io.Reader, file string) *cslStream {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\ufeff")) {
		br.Discard(3)
	}
	lc := &cslLineCounter{r: br}
	dec := json.NewDecoder(lc)
	dec.UseNumber()
	return &cslStream{file: file, lc: lc, dec: dec}
}

// cslListKeys name the members that hold arrays of works.
var cslListKeys = map[string]bool{"items": true, "results": true}

// next returns the next work and its line; io.EOF at the end.
func (s *cslStream) next() (json.RawMessage, int, error) {
	if s.done {
		return nil, 0, io.EOF
	}
	if s.lines != nil {
		return s.nextLine()
	}
	for {
		if len(s.frames) == 0 {
			if s.values > 0 && s.dec.More() {
				if s.jsonLines() {
					return s.nextLine()
				}
			}
			tok, err := s.dec.Token()
			if err == io.EOF {
				s.done = true
				if s.values == 0 {
					return nil, 0, &bib.ParseError{File: s.file, Line: s.lc.lineAt(s.dec.InputOffset()), Err: fmt.Errorf("%w: no JSON value", bib.ErrSyntax)}
				}
				return nil, 0, io.EOF
			}
			if err != nil {
				return nil, 0, s.fatal(err)
			}
			s.values++
			switch tok {
			case json.Delim('['):
				s.frames = append(s.frames, &cslFrame{array: true})
			case json.Delim('{'):
				line := s.lc.lineAt(s.dec.InputOffset() - 1)
				if s.values == 1 {
					s.first = line
				}
				s.frames = append(s.frames, &cslFrame{line: line})
			default:
				return nil, 0, s.fatal(fmt.Errorf("%w: want a JSON object or array, got %v", bib.ErrSyntax, tok))
			}
			continue
		}
		f := s.frames[len(s.frames)-1]
		if f.array {
			if s.dec.More() {
				var raw json.RawMessage
				if err := s.dec.Decode(&raw); err != nil {
					return nil, 0, s.skipItem(err)
				}
				line := s.lc.lineAt(s.dec.InputOffset() - int64(len(raw)))
				s.members = nil
				if len(raw) == 0 || raw[0] != '{' {
					return nil, 0, &bib.ParseError{File: s.file, Line: line, Err: fmt.Errorf("%w: list item is not a JSON object", bib.ErrSyntax)}
				}
				return raw, line, nil
			}
			if _, err := s.dec.Token(); err != nil { // ']'
				return nil, 0, s.fatal(err)
			}
			s.pop()
			continue
		}
		if s.dec.More() {
			tok, err := s.dec.Token()
			if err != nil {
				return nil, 0, s.fatal(err)
			}
			key, _ := tok.(string)
			if key == "message" || cslListKeys[key] {
				tok, err := s.dec.Token()
				if err != nil {
					return nil, 0, s.fatal(err)
				}
				switch tok {
				case json.Delim('['):
					f.list = true
					s.frames = append(s.frames, &cslFrame{array: true})
				case json.Delim('{'):
					if key == "message" {
						f.list = true
						s.frames = append(s.frames, &cslFrame{line: s.lc.lineAt(s.dec.InputOffset() - 1)})
					} else if err := s.skipRest(); err != nil {
						return nil, 0, s.fatal(err)
					}
				default:
					// A scalar: kept as a member.
					b, _ := json.Marshal(tok)
					f.keys = append(f.keys, cslMember(key, b))
				}
				continue
			}
			var raw json.RawMessage
			if err := s.dec.Decode(&raw); err != nil {
				return nil, 0, s.fatal(err)
			}
			if !f.list {
				f.keys = append(f.keys, cslMember(key, raw))
				if f.vals == nil {
					f.vals = map[string]cslPos{}
				}
				f.vals[key] = cslPos{raw, s.lc.lineAt(s.dec.InputOffset() - int64(len(raw)))}
			}
			continue
		}
		if _, err := s.dec.Token(); err != nil { // '}'
			return nil, 0, s.fatal(err)
		}
		s.pop()
		if !f.list {
			s.members = f.vals
			return cslJoinMembers(f.keys), f.line, nil
		}
	}
}

// pop ends the innermost array or object.
func (s *cslStream) pop() {
	s.frames = s.frames[:len(s.frames)-1]
	if len(s.frames) == 0 {
		s.end = s.lc.lineAt(s.dec.InputOffset())
	}
}

// cslMember renders one object member.
func cslMember(key string, value []byte) []byte {
	k, _ := json.Marshal(key)
	return append(append(k, ':'), value...)
}

func cslJoinMembers(members [][]byte) json.RawMessage {
	return append(append([]byte{'{'}, bytes.Join(members, []byte{','})...), '}')
}

// skipRest skips the rest of a value whose opening delimiter was read.
func (s *cslStream) skipRest() error {
	depth := 1
	for depth > 0 {
		tok, err := s.dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}

// jsonLines decides, when a second top-level value follows the first,
// whether the input is JSON Lines: the first value an object on one line.
// If so, the rest is read line by line.
func (s *cslStream) jsonLines() bool {
	if s.values != 1 || s.first != s.end {
		return false
	}
	lr := newLineReader(io.MultiReader(s.dec.Buffered(), s.lc.r))
	lr.line = s.lc.lineAt(s.dec.InputOffset()) - 1 // the next line read is the current one
	s.lines = lr
	return true
}

func (s *cslStream) nextLine() (json.RawMessage, int, error) {
	for {
		l, ok := s.lines.next()
		if !ok {
			s.done = true
			if err := s.lines.failure(); err != nil {
				return nil, 0, &bib.ParseError{File: s.file, Line: s.lines.line, Err: err}
			}
			return nil, 0, io.EOF
		}
		b := bytes.TrimSpace([]byte(l))
		if len(b) == 0 {
			continue
		}
		if b[0] != '{' || !json.Valid(b) {
			return nil, 0, &bib.ParseError{File: s.file, Line: s.lines.line, Err: fmt.Errorf("%w: line is not a JSON object", bib.ErrSyntax)}
		}
		s.members = nil
		return b, s.lines.line, nil
	}
}

// fatal turns a decoding error into a *ParseError that ends the input, or
// into bib.ErrTooDeep.
func (s *cslStream) fatal(err error) error {
	s.done = true
	off := s.dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
		if tooDeep(se) {
			return fmt.Errorf("%s:%d: %w", s.file, s.lc.lineAt(off), bib.ErrTooDeep)
		}
		err = fmt.Errorf("%w: %v", bib.ErrSyntax, se)
	} else if err == io.ErrUnexpectedEOF || err == io.EOF {
		off = s.lc.off // the end of the input
		err = fmt.Errorf("%w: JSON cut short", bib.ErrSyntax)
	}
	return &bib.ParseError{File: s.file, Line: s.lc.lineAt(off), Err: err}
}

// tooDeep reports whether encoding/json gave up on nesting.
func tooDeep(se *json.SyntaxError) bool { return strings.Contains(se.Error(), "exceeded max depth") }

// skipItem steps over the list item the decoder failed on, so that the
// items after it are read: it finds the item's end by its brackets, then
// starts a decoder after it, in the same arrays and objects as before (fed
// their openers first). It returns the *ParseError that reports the item,
// or fatal's error when the item cannot be stepped over.
func (s *cslStream) skipItem(err error) error {
	var se *json.SyntaxError
	if !errors.As(err, &se) || tooDeep(se) {
		return s.fatal(err)
	}
	start := s.dec.InputOffset() // the item, after the comma before it
	line := s.lc.lineAt(start)
	// Read without a buffer of its own, so that the readers do not nest
	// deeper with each item skipped.
	rest := io.MultiReader(s.dec.Buffered(), s.lc.r)
	before, within, closed, err := skipJSONValue(rest)
	if err != nil {
		return s.fatal(io.ErrUnexpectedEOF)
	}
	var openers strings.Builder
	for i, f := range s.frames {
		switch {
		case f.array || i == len(s.frames)-1:
			openers.WriteByte('[')
		default:
			openers.WriteString(`{"":`)
		}
	}
	if closed {
		openers.WriteByte(']')
	}
	lc := &cslLineCounter{r: io.MultiReader(strings.NewReader(openers.String()), rest), passed: line + before + within - 1}
	dec := json.NewDecoder(lc)
	dec.UseNumber()
	for _, f := range s.frames {
		if _, err := dec.Token(); err != nil {
			return s.fatal(err)
		}
		if !f.array {
			if _, err := dec.Token(); err != nil {
				return s.fatal(err)
			}
		}
	}
	s.lc, s.dec = lc, dec
	return &bib.ParseError{File: s.file, Line: line + before, Err: fmt.Errorf("%w: list item skipped: %v", bib.ErrSyntax, se)}
}

// skipJSONValue reads past one JSON value, however malformed, by its
// brackets and strings, and past the comma or the closing bracket after it
// (closed). It returns the line ends before the value and within it.
func skipJSONValue(r io.Reader) (before, within int, closed bool, err error) {
	depth, inString, escaped, started := 0, false, false, false
	var b [1]byte
	for {
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return before, within, false, err
		}
		c := b[0]
		if c == '\n' {
			if started {
				within++
			} else {
				before++
			}
		}
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			continue
		}
		started = true
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return before, within, true, nil
			}
			depth--
		case ',':
			if depth == 0 {
				return before, within, false, nil
			}
		}
	}
}

// cslLineCounter passes an input through and counts its lines, so that byte
// offsets can be turned into line numbers. It keeps the offsets of line
// ends read but not yet passed by a lineAt query, which must not go back.
type cslLineCounter struct {
	r      io.Reader
	off    int64   // bytes read
	ends   []int64 // offsets of line ends not yet counted
	passed int     // line ends before the last query
	cr     bool    // the last byte read was '\r'
}

func (c *cslLineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		switch {
		case b == '\n' && c.cr && i == 0:
			// The LF of a CRLF split across reads: counted with the CR.
		case b == '\n' && i > 0 && p[i-1] == '\r':
		case b == '\n' || b == '\r':
			c.ends = append(c.ends, c.off+int64(i))
		}
	}
	if n > 0 {
		c.cr = p[n-1] == '\r'
	}
	c.off += int64(n)
	return n, err
}

// lineAt returns the 1-based line of the byte at offset off.
func (c *cslLineCounter) lineAt(off int64) int {
	i := 0
	for i < len(c.ends) && c.ends[i] < off {
		i++
	}
	c.passed += i
	c.ends = c.ends[i:]
	return c.passed + 1
}

// elementLines returns the line of each element of the array member key
// of the work raw, which starts on line first and was the last returned;
// nil if there is no such member.
func (s *cslStream) elementLines(raw []byte, key string, first int) []int {
	if s.members != nil {
		if m, ok := s.members[key]; ok {
			return cslArrayLines(m.raw, m.line)
		}
		return nil
	}
	if !bytes.ContainsAny(raw, "\r\n") {
		return nil
	}
	lc := &cslLineCounter{r: bytes.NewReader(raw)}
	dec := json.NewDecoder(lc)
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		var v json.RawMessage
		if dec.Decode(&v) != nil {
			return nil
		}
		if k, _ := tok.(string); k == key {
			return cslArrayLines(v, first-1+lc.lineAt(dec.InputOffset()-int64(len(v))))
		}
	}
	return nil
}

// cslArrayLines returns the line of each element of the JSON array raw,
// which starts on line first.
func cslArrayLines(raw []byte, first int) []int {
	lc := &cslLineCounter{r: bytes.NewReader(raw)}
	dec := json.NewDecoder(lc)
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil
	}
	var lines []int
	for dec.More() {
		var el json.RawMessage
		if dec.Decode(&el) != nil {
			break
		}
		lines = append(lines, first-1+lc.lineAt(dec.InputOffset()-int64(len(el))))
	}
	return lines
}
