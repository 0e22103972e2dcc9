package reader

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// BibTeX: entries "@type{key, name = value, …}", values in braces, quotes,
// bare numbers or @string macros, joined with "#". Text outside entries is
// a comment. Three dialects carry cited references:
//
//   - Web of Science: "Cited-References = {{…}}", one reference a line in
//     the CR format ("{[}Anonymous]" for "[Anonymous]"), with
//     "Unique-ID = {{WOS:…}}", "Times-Cited", "Journal-ISO";
//   - Scopus: "references = {a; b; …}" as in the Scopus CSV, with
//     "abbrev_source_title", "author_keywords", "affiliations", the EID in
//     the url and "note = {Cited by: 12}";
//   - any other BibTeX: entries are corpus records without references.
//
// The reader streams: one entry is held in memory at a time.

func detectBibTeX(head []byte) bool {
	for _, l := range headSplitLines(head) {
		if bibEntryStart.Match(l) {
			return true
		}
	}
	return false
}

// bibEntryStart matches a line that starts an entry.
var bibEntryStart = regexp.MustCompile(`^[ \t]*@[A-Za-z]+[ \t]*[{(]`)

type bibtexReader struct {
	s        *bibScanner
	file     string
	macros   map[string]string
	parse    bib.ReferenceParser
	expanded int // bytes of macros expanded in the entry being read
	stored   int // bytes the @string macros hold
}

// MaxExpanded bounds what @string macros may make of a BibTeX input: the
// macros expanded in one entry, and the @string macros all together, hold
// at most 16 MiB. An entry past it is skipped and reported, so that a few
// hundred bytes of macros that each repeat the one before ten times (a
// "macro bomb") cannot exhaust memory.
const MaxExpanded = 16 << 20

// errTooExpanded reports an entry past MaxExpanded.
var errTooExpanded = fmt.Errorf("@string macros expand to more than %d MiB (citegraph's bound)", MaxExpanded>>20)

func newBibTeXReader(r io.Reader, file string, parse bib.ReferenceParser) RecordReader {
	return &bibtexReader{s: newBibScanner(newLineReader(r)), file: file, parse: parse, macros: map[string]string{
		"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
		"jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
	}}
}

// bibScanner reads an input byte by byte across lines, knowing the line of
// each byte. Line ends read as '\n' whatever they were.
type bibScanner struct {
	lr   *lineReader
	text string // the current line
	pos  int    // in text; len(text) is the line end
	line int    // the current line's number
	eof  bool
}

func newBibScanner(lr *lineReader) *bibScanner {
	s := &bibScanner{lr: lr}
	s.load()
	return s
}

func (s *bibScanner) load() {
	t, ok := s.lr.next()
	s.text, s.pos, s.line, s.eof = t, 0, s.lr.line, !ok
}

// peek returns the current byte, false at the end of input.
func (s *bibScanner) peek() (byte, bool) {
	if s.eof {
		return 0, false
	}
	if s.pos < len(s.text) {
		return s.text[s.pos], true
	}
	return '\n', true
}

func (s *bibScanner) advance() {
	if s.eof {
		return
	}
	s.pos++
	if s.pos > len(s.text) {
		s.load()
	}
}

func (s *bibScanner) skipSpace() {
	for {
		c, ok := s.peek()
		if !ok || !(c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v') {
			return
		}
		s.advance()
	}
}

// atLineStart reports whether only white space precedes the current byte
// on its line.
func (s *bibScanner) atLineStart() bool {
	return strings.TrimSpace(s.text[:min(s.pos, len(s.text))]) == ""
}

// skipLine moves to the start of the next line.
func (s *bibScanner) skipLine() {
	if !s.eof {
		s.load()
	}
}

// ident reads a name: letters, digits and "_-:.+/".
func (s *bibScanner) ident() string {
	start := s.pos
	for s.pos < len(s.text) && !s.eof {
		c := s.text[s.pos]
		if !(latexLetter(c) || c >= '0' && c <= '9' || strings.IndexByte("_-:.+/'", c) >= 0) {
			break
		}
		s.pos++
	}
	return s.text[start:s.pos]
}

// nameTail reads the rest of a field name that holds spaces, up to the
// "=" on its line: Web of Science writes "Early Access Date = {{NOV
// 2021}}", Scopus "funding_text 1={…}" with a no-break space. The words
// are joined by single spaces; a tail that is not such words is left
// unread.
func (s *bibScanner) nameTail() string {
	rest := s.text[min(s.pos, len(s.text)):]
	eq := strings.IndexByte(rest, '=')
	if eq <= 0 || strings.TrimSpace(rest[:eq]) == "" {
		return ""
	}
	words := strings.Fields(strings.ReplaceAll(rest[:eq], "\u00a0", " "))
	for _, w := range words {
		for _, r := range w {
			if !(r < utf8.RuneSelf && (latexLetter(byte(r)) || r >= '0' && r <= '9' || strings.ContainsRune("_-:.+/'", r))) {
				return ""
			}
		}
	}
	s.pos += eq
	return " " + strings.Join(words, " ")
}

// bibField is one field of an entry: its lower-cased name, its raw value
// (LaTeX, braces and line ends kept) and the line the value starts on.
type bibField struct {
	name, raw string
	line      int
}

// bibErrNewEntry reports an entry cut short by the start of the next one.
var bibErrNewEntry = errors.New("entry not closed before the next entry starts (unbalanced braces?)")

func (b *bibtexReader) Read() (*bib.Record, error) {
	s := b.s
	for {
		// Find the next entry: an '@'. Text before it is a comment.
		for {
			c, ok := s.peek()
			if !ok {
				if err := s.lr.failure(); err != nil {
					return nil, &bib.ParseError{File: b.file, Line: s.lr.line, Err: err}
				}
				return nil, io.EOF
			}
			if c == '@' {
				break
			}
			if c == '%' && s.atLineStart() {
				s.skipLine()
				continue
			}
			s.advance()
		}
		start := s.line
		s.advance()
		typ := strings.ToLower(s.ident())
		for {
			c, ok := s.peek()
			if !ok || !(c == ' ' || c == '\t') {
				break
			}
			s.advance()
		}
		open, ok := s.peek()
		if typ == "" || !ok || (open != '{' && open != '(') {
			continue // an '@' in free text
		}
		closer := byte('}')
		if open == '(' {
			closer = ')'
		}
		s.advance()
		b.expanded = 0
		switch typ {
		case "comment", "preamble":
			if _, err := b.balanced(closer); err != nil {
				return nil, b.fail(start, err)
			}
			continue
		case "string":
			fields, err := b.fields(closer)
			if err != nil {
				return nil, b.fail(start, err)
			}
			for _, f := range fields {
				if b.stored+len(f.raw) > MaxExpanded {
					return nil, &bib.ParseError{File: b.file, Line: f.line, Err: fmt.Errorf("%w: @string %s skipped: the macros together %w", bib.ErrSyntax, f.name, errTooExpanded)}
				}
				b.stored += len(f.raw)
				b.macros[f.name] = f.raw
			}
			continue
		}
		key, fields, err := b.entry(closer)
		if err != nil {
			return nil, b.fail(start, err)
		}
		return bibRecord(typ, key, fields, b.file, start, b.parse), nil
	}
}

// fail reports an entry that could not be read, and skips to the next
// line that starts with '@'.
func (b *bibtexReader) fail(start int, err error) error {
	s := b.s
	line := s.line
	if s.eof {
		line = start
		err = fmt.Errorf("entry not closed at end of input: %w", err)
	}
	if !(errors.Is(err, bibErrNewEntry) && s.atLineStart()) {
		s.skipLine()
		for !s.eof && !strings.HasPrefix(strings.TrimSpace(s.text), "@") {
			s.skipLine()
		}
		if !s.eof {
			s.pos = strings.IndexByte(s.text, '@')
		}
	}
	return &bib.ParseError{File: b.file, Line: line, Err: fmt.Errorf("%w: %v (entry starting on line %d)", bib.ErrSyntax, err, start)}
}

// entry reads an entry's key and fields, up to and including closer.
func (b *bibtexReader) entry(closer byte) (string, []bibField, error) {
	s := b.s
	s.skipSpace()
	var key strings.Builder
	for {
		c, ok := s.peek()
		if !ok {
			return "", nil, io.ErrUnexpectedEOF
		}
		if c == ',' || c == closer || c == '\n' || c == '=' {
			break
		}
		key.WriteByte(c)
		s.advance()
	}
	s.skipSpace()
	if c, _ := s.peek(); c == '=' {
		// No key: "@misc{title = …".
		return "", nil, errors.New("entry has no key")
	}
	fields, err := b.fields(closer)
	return strings.TrimSpace(key.String()), fields, err
}

// fields reads "name = value" pairs separated by commas, up to and
// including closer.
func (b *bibtexReader) fields(closer byte) ([]bibField, error) {
	s := b.s
	var fields []bibField
	for {
		s.skipSpace()
		c, ok := s.peek()
		switch {
		case !ok:
			return fields, io.ErrUnexpectedEOF
		case c == closer:
			s.advance()
			return fields, nil
		case c == ',':
			s.advance()
			continue
		case c == '@' && s.atLineStart():
			return fields, bibErrNewEntry
		}
		name := strings.ToLower(s.ident() + s.nameTail())
		if name == "" {
			return fields, fmt.Errorf("unexpected %q where a field name should be", c)
		}
		s.skipSpace()
		if c, _ := s.peek(); c != '=' {
			return fields, fmt.Errorf("field %q has no '='", name)
		}
		s.advance()
		s.skipSpace()
		line := s.line
		raw, err := b.value(closer)
		if err != nil {
			return fields, err
		}
		fields = append(fields, bibField{name: name, raw: raw, line: line})
		s.skipSpace()
		if c, ok := s.peek(); ok && c != ',' && c != closer {
			if c == '@' && s.atLineStart() {
				return fields, bibErrNewEntry
			}
			return fields, fmt.Errorf("unexpected %q after field %q (missing comma?)", c, name)
		}
	}
}

// value reads a value: parts in braces, quotes, numbers or macro names,
// joined with '#'. Braces inside are kept; the outer delimiters are not.
func (b *bibtexReader) value(closer byte) (string, error) {
	s := b.s
	var v strings.Builder
	for {
		s.skipSpace()
		c, ok := s.peek()
		switch {
		case !ok:
			return "", io.ErrUnexpectedEOF
		case c == '{':
			s.advance()
			part, err := b.balanced('}')
			if err != nil {
				return "", err
			}
			v.WriteString(part)
		case c == '"':
			s.advance()
			part, err := b.quoted()
			if err != nil {
				return "", err
			}
			v.WriteString(part)
		case c >= '0' && c <= '9':
			v.WriteString(s.ident())
		case latexLetter(c):
			name := s.ident()
			if m, ok := b.macros[strings.ToLower(name)]; ok {
				if b.expanded += len(m); b.expanded > MaxExpanded {
					return "", errTooExpanded
				}
				v.WriteString(m)
			} else {
				v.WriteString(name)
			}
		default:
			return "", fmt.Errorf("unexpected %q where a value should be", c)
		}
		s.skipSpace()
		if c, _ := s.peek(); c != '#' {
			return v.String(), nil
		}
		s.advance()
	}
}

// balanced reads up to the closer that balances an opening brace already
// read, and returns what is between them.
func (b *bibtexReader) balanced(closer byte) (string, error) {
	s := b.s
	var v strings.Builder
	depth := 0
	for {
		c, ok := s.peek()
		if !ok {
			return "", io.ErrUnexpectedEOF
		}
		switch {
		case c == '\\':
			// An escaped brace does not count.
			v.WriteByte(c)
			s.advance()
			if c, ok := s.peek(); ok && (c == '{' || c == '}') {
				v.WriteByte(c)
				s.advance()
			}
			continue
		case c == '{':
			depth++
		case c == closer && depth == 0:
			s.advance()
			return v.String(), nil
		case c == '}':
			depth--
		case c == '@' && s.atLineStart() && bibEntryStart.MatchString(s.text):
			return "", bibErrNewEntry
		}
		v.WriteByte(c)
		s.advance()
	}
}

// quoted reads a quoted value, the opening quote already read; quotes
// inside braces do not end it.
func (b *bibtexReader) quoted() (string, error) {
	s := b.s
	var v strings.Builder
	depth := 0
	for {
		c, ok := s.peek()
		if !ok {
			return "", io.ErrUnexpectedEOF
		}
		switch {
		case c == '"' && depth == 0:
			s.advance()
			return v.String(), nil
		case c == '{':
			depth++
		case c == '}':
			if depth > 0 {
				depth--
			}
		case c == '@' && s.atLineStart() && bibEntryStart.MatchString(s.text):
			return "", bibErrNewEntry
		}
		v.WriteByte(c)
		s.advance()
	}
}

// bibRecord turns an entry into a Record.
func bibRecord(typ, key string, fields []bibField, file string, line int, parse bib.ReferenceParser) *bib.Record {
	rec := &bib.Record{File: file, Line: line}
	get := map[string]*bibField{}
	for i := range fields {
		if _, dup := get[fields[i].name]; !dup {
			get[fields[i].name] = &fields[i]
		}
	}
	text := func(names ...string) string {
		for _, n := range names {
			if f := get[n]; f != nil {
				if t := latexText(f.raw); t != "" {
					return t
				}
			}
		}
		return ""
	}
	rec.Type = bibType(typ)
	rec.Authors = bibNames(get["author"])
	rec.Title = text("title")
	switch typ {
	case "article", "periodical":
		rec.Container = text("journal", "journaltitle", "booktitle")
	default:
		rec.Container = text("booktitle", "journal", "journaltitle", "series")
	}
	rec.ContainerShort = text("journal-iso", "abbrev_source_title", "shortjournal", "journalabbreviation")
	setYear(rec, text("year"))
	if rec.Year == 0 {
		rec.Year = exportYear(text("date"))
	}
	rec.Volume = text("volume")
	rec.Issue = text("number", "issue")
	rec.Pages = bibPages(text("pages"))
	if rec.Pages == "" {
		rec.Pages = text("article-number", "art_number", "eid")
	}
	rec.DOI = bib.NormalizeDOI(text("doi"))
	rec.URL = text("url")
	rec.Publisher = text("publisher")
	rec.Place = text("address", "location")
	rec.Abstract = text("abstract")
	if kw := text("author_keywords", "keywords"); kw != "" {
		sep := ";"
		if !strings.Contains(kw, ";") {
			sep = ","
		}
		rec.Keywords = exportList(kw, sep)
	}
	if f := get["affiliation"]; f != nil {
		// Web of Science: one address a line.
		for _, l := range strings.Split(f.raw, "\n") {
			if l = latexText(l); l != "" {
				rec.Affiliations = append(rec.Affiliations, l)
			}
		}
	} else if a := text("affiliations"); a != "" {
		rec.Affiliations = exportList(a, "; ")
	}
	rec.TimesCited = exportInt(text("times-cited"))
	if m := scopusCitedBy.FindStringSubmatch(text("note")); m != nil && rec.TimesCited == 0 {
		rec.TimesCited = exportInt(m[1])
	}
	rec.ID = exportFirst(text("unique-id"), scopusEID(rec.URL))
	if rec.ID == "" {
		rec.Label = key
	}
	if f := get["cited-references"]; f != nil {
		for i, l := range strings.Split(f.raw, "\n") {
			l = strings.TrimSuffix(latexText(l), ".")
			if l == "" {
				continue
			}
			rec.References = append(rec.References, bib.Reference{
				Raw: l, Position: len(rec.References) + 1, Line: f.line + i, Work: refparse.ParseWoSCitedReference(l),
			})
		}
	} else if f := get["references"]; f != nil {
		rec.References = scopusReferences(f.raw, f.line, func(string) bib.Work { return bib.Work{} })
		parse := scopusParser(parse)
		for i := range rec.References {
			r := &rec.References[i]
			r.Raw = latexText(r.Raw)
			r.Work = parse(r.Raw)
		}
	}
	return rec
}

// bibNames reads an author field: names separated by "and" outside
// braces; "Family, Given", "Given Family" or "{Corporate Author}".
func bibNames(f *bibField) []bib.Name {
	if f == nil {
		return nil
	}
	var names []bib.Name
	for _, raw := range splitBibAnd(f.raw) {
		raw = strings.TrimSpace(raw)
		if raw == "" || strings.EqualFold(raw, "others") {
			continue
		}
		if strings.HasPrefix(raw, "{") && strings.HasSuffix(raw, "}") && bibBraceWrapped(raw) {
			names = append(names, bib.Name{Literal: latexText(raw)})
			continue
		}
		s := latexText(raw)
		if parts := strings.Split(s, ","); len(parts) == 3 {
			// "von Last, Jr, First".
			names = append(names, bib.Name{Family: strings.TrimSpace(parts[0]), Given: strings.TrimSpace(parts[2])})
			continue
		}
		if n := refparse.ParseName(s); !n.IsZero() {
			names = append(names, n)
		}
	}
	return names
}

// bibBraceWrapped reports whether s is one braced group: "{A and B}" but not
// "{A} and {B}".
func bibBraceWrapped(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 && i < len(s)-1 {
				return false
			}
		}
	}
	return true
}

// splitBibAnd splits a name list at the word "and" outside braces.
func splitBibAnd(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '{':
			depth++
		case c == '}':
			depth--
		case depth == 0 && (c == ' ' || c == '\t' || c == '\n') && i+4 < len(s) &&
			strings.EqualFold(s[i+1:i+4], "and") && bibSpace(s[i+4]):
			out = append(out, s[start:i])
			start = i + 4
			i += 3
		}
	}
	return append(out, s[start:])
}

func bibSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// bibType maps a BibTeX entry type to CSL.
func bibType(t string) string {
	switch t {
	case "article", "periodical":
		return "article-journal"
	case "book", "mvbook", "booklet", "proceedings", "collection":
		return "book"
	case "inbook", "incollection", "bookinbook":
		return "chapter"
	case "inproceedings", "conference":
		return "paper-conference"
	case "phdthesis", "mastersthesis", "thesis":
		return "thesis"
	case "techreport", "report":
		return "report"
	case "online", "electronic", "www":
		return "webpage"
	case "patent":
		return "patent"
	case "dataset":
		return "dataset"
	}
	return "document"
}
