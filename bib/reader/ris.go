package reader

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// RIS: one field a line, "TY  - JOUR", a two-character tag, two spaces, a
// hyphen and a space; "TY" starts a record and "ER" ends it. A line without
// a tag continues the field before it.
//
// Scopus puts the cited references in a note, "N1  - References: " followed
// by the first reference, then one reference per untagged line, each but
// the last ending in ";". Some exporters give each reference its own "CR"
// field instead. References are free text (ParseReference), except CR
// fields in the Web of Science CR format (ParseWoSCitedReference).

func detectRIS(head []byte) bool {
	for _, l := range headSplitLines(head) {
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		return risTag.Match(l) && bytes.HasPrefix(l, []byte("TY"))
	}
	return false
}

// risGlued matches a line with a tagged field run onto its end.
var risGlued = regexp.MustCompile(`^(.*\S) ?([A-Z][A-Z0-9])  - (.*)$`)

// gluedField matches risGlued when may is set and line holds a tag's
// "  - "; nil otherwise.
func gluedField(line string, may bool) []string {
	if !may || !strings.Contains(line, "  - ") {
		return nil
	}
	return risGlued.FindStringSubmatch(line)
}

// risKnownTag lists the tags a glued field is recognised by.
var risKnownTag = map[string]bool{"TY": true, "ER": true, "UR": true, "DO": true, "AU": true, "TI": true, "T2": true,
	"PY": true, "VL": true, "IS": true, "SP": true, "EP": true, "SN": true, "N1": true, "N2": true, "AB": true, "KW": true,
	"PB": true, "LA": true, "M3": true, "DB": true, "ID": true, "AN": true, "C7": true, "J2": true, "CR": true}

// risTag matches a tagged line: the tag, then the value. One space before
// the hyphen is taken too, as some exporters write it.
var risTag = regexp.MustCompile(`^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$`)

type risReader struct {
	lr      *lineReader
	file    string
	skip    bool      // after an error, skip to the next TY line
	pending *risField // a TY line read while the record before was open
	parse   bib.ReferenceParser
	repairs []bib.Repair // mended in the record being read
}

func newRISReader(r io.Reader, file string, parse bib.ReferenceParser) RecordReader {
	return &risReader{lr: newLineReader(r), file: file, parse: parse}
}

// risField is one tagged value and the line it starts on.
type risField struct {
	tag, value string
	line       int
	cont       []risCont // the untagged lines after it
}

// risCont is an untagged line after a field.
type risCont struct {
	text string
	line int
}

func (rr *risReader) Read() (*bib.Record, error) {
	var fields []*risField
	if rr.pending != nil {
		fields = []*risField{rr.pending}
		rr.pending = nil
	}
	for {
		line, ok := rr.lr.next()
		if !ok {
			if err := rr.lr.failure(); err != nil {
				return nil, &bib.ParseError{File: rr.file, Line: rr.lr.line, Err: err}
			}
			if fields != nil {
				return nil, &bib.ParseError{File: rr.file, Line: fields[0].line, Err: fmt.Errorf("%w: record has no ER line (file cut short?)", bib.ErrSyntax)}
			}
			return nil, io.EOF
		}
		m := risTag.FindStringSubmatch(strings.TrimRight(line, " \t"))
		// risGlued, whose leading .* backtracks over the whole line, only
		// where a glued tag can be.
		if g := gluedField(line, m == nil && fields != nil); g != nil && risKnownTag[g[2]] {
			// A field glued to the end of the line before it (Scopus:
			// "…, US Patent #7,108,797UR  - https://…"): two lines.
			f := fields[len(fields)-1]
			f.cont = append(f.cont, risCont{strings.TrimSpace(g[1]), rr.lr.line})
			rr.repairs = append(rr.repairs, bib.Repair{Line: rr.lr.line, Reason: fmt.Sprintf("%s field glued to the end of a line: read as a line of its own", g[2])})
			m = []string{"", g[2], g[3]}
		}
		if m == nil {
			switch {
			case strings.TrimSpace(line) == "":
			case fields != nil:
				f := fields[len(fields)-1]
				f.cont = append(f.cont, risCont{strings.TrimSpace(line), rr.lr.line})
			case !rr.skip:
				rr.skip = true
				return nil, &bib.ParseError{File: rr.file, Line: rr.lr.line, Err: fmt.Errorf("%w: %q outside a record", bib.ErrSyntax, truncate(line, 20))}
			}
			continue
		}
		f := &risField{tag: m[1], value: strings.TrimSpace(m[2]), line: rr.lr.line}
		switch {
		case f.tag == "TY":
			rr.skip = false
			rr.repairs = nil
			if fields != nil {
				// The record before has no ER: report it, and start the
				// next call with this line.
				rr.pending = f
				return nil, &bib.ParseError{File: rr.file, Line: fields[0].line, Err: fmt.Errorf("%w: record has no ER line", bib.ErrSyntax)}
			}
			fields = []*risField{f}
		case fields == nil:
			if !rr.skip {
				rr.skip = true
				return nil, &bib.ParseError{File: rr.file, Line: rr.lr.line, Err: fmt.Errorf("%w: %s field outside a record (no TY line)", bib.ErrSyntax, f.tag)}
			}
		case f.tag == "ER":
			rec := risRecord(fields, rr.file, rr.parse)
			rec.Repairs, rr.repairs = rr.repairs, nil
			return rec, nil
		default:
			fields = append(fields, f)
		}
	}
}

// risRecord turns a record's fields into a Record.
func risRecord(fields []*risField, file string, parse bib.ReferenceParser) *bib.Record {
	rec := &bib.Record{File: file, Line: fields[0].line}
	var (
		ty                         string
		title, bookTitle           string
		t2, jf, jo, j2, ja, j1     string
		sp, ep, artNo, an, id, url string
	)
	for _, f := range fields {
		v := f.text()
		switch f.tag {
		case "TY":
			ty = v
		case "AU", "A1":
			if n := refparse.ParseName(v); !n.IsZero() {
				rec.Authors = append(rec.Authors, n)
			}
		case "TI", "T1":
			title = exportFirst(title, v)
		case "BT":
			bookTitle = exportFirst(bookTitle, v)
		case "T2":
			t2 = exportFirst(t2, v)
		case "JF":
			jf = exportFirst(jf, v)
		case "JO":
			jo = exportFirst(jo, v)
		case "J2":
			j2 = exportFirst(j2, v)
		case "JA":
			ja = exportFirst(ja, v)
		case "J1":
			j1 = exportFirst(j1, v)
		case "PY", "Y1", "DA":
			if rec.Year == 0 {
				rec.Year = exportYear(v)
			}
		case "VL":
			rec.Volume = exportFirst(rec.Volume, v)
		case "IS":
			rec.Issue = exportFirst(rec.Issue, v)
		case "SP":
			sp = exportFirst(sp, v)
		case "EP":
			ep = exportFirst(ep, v)
		case "C7":
			artNo = exportFirst(artNo, v)
		case "DO":
			if rec.DOI == "" {
				rec.DOI = bib.NormalizeDOI(v)
			}
		case "UR", "L2":
			url = exportFirst(url, v)
		case "AB", "N2":
			rec.Abstract = exportFirst(rec.Abstract, v)
		case "KW":
			rec.Keywords = append(rec.Keywords, splitKeywords(v)...)
		case "AD":
			rec.Affiliations = append(rec.Affiliations, exportList(v, "; ")...)
		case "PB":
			rec.Publisher = exportFirst(rec.Publisher, v)
		case "CY":
			rec.Place = exportFirst(rec.Place, v)
		case "AN":
			an = exportFirst(an, v)
		case "ID":
			id = exportFirst(id, v)
		case "N1":
			if m := scopusCitedBy.FindStringSubmatch(v); m != nil {
				rec.TimesCited = exportInt(m[1])
			}
			if strings.HasPrefix(f.value, "References:") {
				rec.References = f.appendRefs(rec.References, strings.TrimPrefix(f.value, "References:"), scopusParser(parse))
			}
		case "CR":
			rec.References = f.appendRefs(rec.References, f.value, func(s string) bib.Work { return risParseCR(s, parse) })
		}
	}
	rec.Type = risType(ty)
	rec.Title = title
	if rec.Title == "" && rec.Type == "book" {
		rec.Title = bookTitle
	}
	// T2 is the journal of an article, the book of a chapter; JO and JF
	// name journals, J2, JA and J1 abbreviate them.
	rec.Container = exportFirst(t2, jf, jo)
	if rec.Container == "" && rec.Type != "book" {
		rec.Container = bookTitle
	}
	rec.ContainerShort = exportFirst(j2, ja, j1)
	if rec.ContainerShort == "" && jo != "" && jo != rec.Container {
		rec.ContainerShort = jo
	}
	rec.Pages = exportPages(sp, ep)
	if rec.Pages == "" {
		rec.Pages = artNo
	}
	rec.URL = url
	if rec.DOI == "" {
		rec.DOI = bib.NormalizeDOI(url)
	}
	rec.ID = exportFirst(scopusEID(url), an, id)
	for i := range rec.References {
		rec.References[i].Position = i + 1
	}
	return rec
}

// risParseCR parses a CR reference: in the Web of Science format if it has
// that shape, as free text (with parse) if not.
func risParseCR(s string, parse bib.ReferenceParser) bib.Work {
	if risWoSCR.MatchString(s) {
		return refparse.ParseWoSCitedReference(s)
	}
	return parse(s)
}

// risWoSCR matches a reference in the Web of Science CR format, as CR
// fields converted from Web of Science hold: "Author AB, 2001, SOURCE, …".
var risWoSCR = regexp.MustCompile(`^(?:[^,]+, )?(?:1[5-9]|20)\d\d, [^,]+(?:, (?:V|P|AR|DOI )\S.*)?$`)

// text is the field's value with its untagged lines joined on.
func (f *risField) text() string {
	if len(f.cont) == 0 {
		return f.value
	}
	parts := []string{f.value}
	for _, c := range f.cont {
		parts = append(parts, c.text)
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}

// appendRefs adds the references of a reference field: first, the text on
// the tag line, then one reference per untagged line.
func (f *risField) appendRefs(refs []bib.Reference, first string, parse func(string) bib.Work) []bib.Reference {
	add := func(s string, line int) {
		if s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ";")); s != "" {
			refs = append(refs, bib.Reference{Raw: s, Line: line, Work: parse(s)})
		}
	}
	add(first, f.line)
	for _, c := range f.cont {
		add(c.text, c.line)
	}
	return refs
}

// scopusCitedBy matches Scopus's citation count note: "Cited By :12",
// "Cited by: 12", "cited By 12".
var scopusCitedBy = regexp.MustCompile(`(?i)^cited by\s*:?\s*(\d+)`)

// scopusEIDPattern finds a Scopus EID in a record URL ("…?eid=2-s2.0-85183479140&…").
var scopusEIDPattern = regexp.MustCompile(`[?&]eid=(2-s2\.0-\d+)`)

func scopusEID(url string) string {
	if m := scopusEIDPattern.FindStringSubmatch(url); m != nil {
		return m[1]
	}
	return ""
}

// risType maps a RIS reference type to CSL.
func risType(ty string) string {
	switch strings.ToUpper(ty) {
	case "JOUR", "JFULL", "EJOUR", "ABST", "INPR":
		return "article-journal"
	case "MGZN":
		return "article-magazine"
	case "NEWS":
		return "article-newspaper"
	case "BOOK", "EBOOK", "EDBOOK", "WHOLE":
		return "book"
	case "CHAP", "ECHAP":
		return "chapter"
	case "CONF", "CPAPER":
		return "paper-conference"
	case "THES":
		return "thesis"
	case "RPRT":
		return "report"
	case "ELEC", "WEB", "BLOG":
		return "webpage"
	case "PAT":
		return "patent"
	case "DATA":
		return "dataset"
	}
	return "document"
}
