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

// PubMed/MEDLINE text: records separated by blank lines, each starting
// with "PMID- "; a tag of up to four characters padded to four, "- ", the
// value; continuation lines indented six spaces. PubMed records carry no
// reference lists: they become corpus records without references.

func detectPubMed(head []byte) bool {
	for _, l := range headSplitLines(head) {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		return bytes.HasPrefix(l, []byte("PMID-"))
	}
	return false
}

// pubmedTag matches a tagged line.
var pubmedTag = regexp.MustCompile(`^([A-Z][A-Z0-9]{1,3}) {0,3}- ?(.*)$`)

type pubmedReader struct {
	lr      *lineReader
	file    string
	pending *risField // a PMID line that started the next record
	skip    bool
}

func newPubMedReader(r io.Reader, file string) RecordReader {
	return &pubmedReader{lr: newLineReader(r), file: file}
}

func (p *pubmedReader) Read() (*bib.Record, error) {
	var fields []*risField
	if p.pending != nil {
		fields = []*risField{p.pending}
		p.pending = nil
	}
	for {
		line, ok := p.lr.next()
		if !ok {
			if err := p.lr.failure(); err != nil {
				return nil, &bib.ParseError{File: p.file, Line: p.lr.line, Err: err}
			}
			if fields != nil {
				return pubmedRecord(fields, p.file), nil
			}
			return nil, io.EOF
		}
		if strings.TrimSpace(line) == "" {
			if fields != nil {
				return pubmedRecord(fields, p.file), nil
			}
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			switch {
			case fields != nil:
				f := fields[len(fields)-1]
				f.cont = append(f.cont, risCont{strings.TrimSpace(line), p.lr.line})
			case !p.skip:
				fields = nil
				p.skip = true
				return nil, &bib.ParseError{File: p.file, Line: p.lr.line, Err: fmt.Errorf("%w: continuation line outside a record", bib.ErrSyntax)}
			}
			continue
		}
		m := pubmedTag.FindStringSubmatch(line)
		if m == nil {
			// The record is skipped up to the next PMID line.
			fields = nil
			if p.skip {
				continue
			}
			p.skip = true
			return nil, &bib.ParseError{File: p.file, Line: p.lr.line, Err: fmt.Errorf("%w: %q is not a MEDLINE field", bib.ErrSyntax, truncate(line, 20))}
		}
		f := &risField{tag: m[1], value: strings.TrimSpace(m[2]), line: p.lr.line}
		switch {
		case f.tag == "PMID":
			p.skip = false
			if fields != nil {
				p.pending = f
				return pubmedRecord(fields, p.file), nil
			}
		case p.skip:
			continue
		}
		fields = append(fields, f)
	}
}

// pubmedRecord turns a MEDLINE record's fields into a Record.
func pubmedRecord(fields []*risField, file string) *bib.Record {
	rec := &bib.Record{File: file, Line: fields[0].line}
	rec.Type = "article-journal"
	var fau, au []bib.Name
	var pages, pii string
	for _, f := range fields {
		v := f.text()
		switch f.tag {
		case "PMID":
			if v != "" {
				rec.ID = "PMID:" + v
			}
		case "TI":
			rec.Title = exportFirst(rec.Title, v)
		case "BTI":
			if rec.Title == "" {
				rec.Title, rec.Type = v, "book"
			}
		case "FAU":
			if n := refparse.ParseName(v); !n.IsZero() {
				fau = append(fau, n)
			}
		case "AU":
			if v == "" {
				continue
			}
			if n := refparse.ParseCRName(v); !n.IsZero() {
				au = append(au, n)
			}
		case "CN":
			if v == "" {
				continue
			}
			au = append(au, bib.Name{Literal: v})
			fau = append(fau, bib.Name{Literal: v})
		case "DP":
			rec.Year = exportYear(v)
		case "TA":
			rec.ContainerShort = exportFirst(rec.ContainerShort, v)
		case "JT":
			rec.Container = exportFirst(rec.Container, v)
		case "VI":
			rec.Volume = exportFirst(rec.Volume, v)
		case "IP":
			rec.Issue = exportFirst(rec.Issue, v)
		case "PG":
			pages = exportFirst(pages, v)
		case "LID", "AID":
			id, kind := medlineID(v)
			switch kind {
			case "doi":
				if rec.DOI == "" {
					rec.DOI = bib.NormalizeDOI(id)
				}
			case "pii":
				pii = exportFirst(pii, id)
			}
		case "AB":
			rec.Abstract = exportFirst(rec.Abstract, v)
		case "OT":
			rec.Keywords = append(rec.Keywords, v)
		case "AD":
			rec.Affiliations = append(rec.Affiliations, v)
		case "PB":
			rec.Publisher = exportFirst(rec.Publisher, v)
		case "PL":
			rec.Place = exportFirst(rec.Place, v)
		}
	}
	// FAU has the full names; AU the initials. CN, a corporate author,
	// is in both lists, in its place.
	rec.Authors = au
	if len(fau) >= len(au) {
		rec.Authors = fau
	}
	rec.Pages = medlineExpandPages(pages)
	if rec.Pages == "" && pii != "" && strings.HasPrefix(pii, "e") {
		rec.Pages = pii // an electronic article number such as "e01567"
	}
	return rec
}

// medlineID splits "10.1021/acs.orglett.9b00971 [doi]" into the id and its
// kind.
func medlineID(s string) (id, kind string) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, " ["); i >= 0 && strings.HasSuffix(s, "]") {
		return strings.TrimSpace(s[:i]), s[i+2 : len(s)-1]
	}
	return s, ""
}

// medlineExpandPages writes MEDLINE's shortened last page out in full:
// "2918-22" → "2918-2922". Other ranges are kept.
func medlineExpandPages(p string) string {
	first, last, ok := strings.Cut(p, "-")
	if !ok || len(last) >= len(first) || !medlineDigits(first) || !medlineDigits(last) || last == "" {
		return p
	}
	return first + "-" + first[:len(first)-len(last)] + last
}

func medlineDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
