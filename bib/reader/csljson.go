package reader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// CSL-JSON: an array of items in the Citation Style Language's JSON schema,
// as Zotero exports and `citegraph parse` writes: {"id", "type", "title",
// "author": [{"family", "given"}], "container-title", "issued":
// {"date-parts": [[2019, 4, 3]]}, "volume", "issue", "page", "DOI", …}.
// Items become corpus records; an item may carry its references in a
// "reference" array of the Crossref shape.
//
// Crossref's REST API speaks a dialect of the same schema, so the two
// readers share the item decoding here. Scalars are taken whatever their
// JSON type (a number, a string, the first of an array): exporters differ.

func detectCSLJSON(head []byte) bool {
	return cslJSONHead(head) != ""
}

// cslJSONHead returns the first object key of a JSON head ("" if the head does
// not start with an object or an array of objects).
func cslJSONHead(head []byte) string {
	dec := json.NewDecoder(bytes.NewReader(head))
	tok, err := dec.Token()
	if err != nil {
		return ""
	}
	if tok == json.Delim('[') {
		if tok, err = dec.Token(); err != nil {
			return ""
		}
	}
	if tok != json.Delim('{') {
		return ""
	}
	tok, err = dec.Token()
	if err != nil {
		return ""
	}
	if k, ok := tok.(string); ok {
		return k
	}
	if tok == json.Delim('}') {
		return "}"
	}
	return ""
}

type cslReader struct {
	js       *cslStream
	crossref bool // Crossref types and abstracts
	parse    bib.ReferenceParser
}

func newCSLJSONReader(r io.Reader, file string, parse bib.ReferenceParser) RecordReader {
	return &cslReader{js: newCSLStream(r, file), parse: parse}
}

func (c *cslReader) Read() (*bib.Record, error) {
	raw, line, err := c.js.next()
	if err != nil {
		return nil, err
	}
	var it cslItem
	if err := cslUnmarshal(raw, &it); err != nil {
		return nil, &bib.ParseError{File: c.js.file, Line: line, Err: err}
	}
	rec := it.record(c.crossref, c.parse)
	rec.File, rec.Line = c.js.file, line
	if len(rec.References) > 0 {
		lines := c.js.elementLines(raw, "reference", line)
		for i := range rec.References {
			rec.References[i].Line = line
			if i < len(lines) {
				rec.References[i].Line = lines[i]
			}
		}
	}
	return rec, nil
}

// cslUnmarshal decodes a work, passing over members of an unexpected
// JSON type (json.Unmarshal fills in all the others).
func cslUnmarshal(raw []byte, v any) error {
	err := json.Unmarshal(raw, v)
	var te *json.UnmarshalTypeError
	if err == nil || errors.As(err, &te) {
		return nil
	}
	return fmt.Errorf("%w: %v", bib.ErrSyntax, err)
}

// cslItem is a CSL-JSON item or a Crossref work.
type cslItem struct {
	ID             cslText       `json:"id"`
	Type           cslText       `json:"type"`
	Title          cslText       `json:"title"`
	Author         []cslName     `json:"author"`
	Container      cslText       `json:"container-title"`
	ContainerShort cslText       `json:"container-title-short"`
	ShortContainer cslText       `json:"short-container-title"` // Crossref
	JournalAbbr    cslText       `json:"journalAbbreviation"`   // Zotero
	Volume         cslText       `json:"volume"`
	Issue          cslText       `json:"issue"`
	Page           cslText       `json:"page"`
	ArticleNumber  cslText       `json:"article-number"`
	Number         cslText       `json:"number"`
	DOI            cslText       `json:"DOI"`
	DOILower       cslText       `json:"doi"`
	URL            cslText       `json:"URL"`
	Publisher      cslText       `json:"publisher"`
	PublisherPlace cslText       `json:"publisher-place"`
	Abstract       cslText       `json:"abstract"`
	Keyword        cslText       `json:"keyword"`
	Issued         cslDate       `json:"issued"`
	PublishedPrint cslDate       `json:"published-print"`
	PublishedOnl   cslDate       `json:"published-online"`
	Published      cslDate       `json:"published"`
	Created        cslDate       `json:"created"`
	CitedBy        cslText       `json:"is-referenced-by-count"`
	Reference      []crossrefRef `json:"reference"`
}

// record turns the item into a Record (without file and line).
func (it *cslItem) record(crossref bool, parse bib.ReferenceParser) *bib.Record {
	rec := &bib.Record{}
	if !crossref {
		rec.ID = string(it.ID)
	}
	seen := map[string]bool{}
	for _, a := range it.Author {
		if n := a.name(); !n.IsZero() {
			rec.Authors = append(rec.Authors, n)
		}
		for _, af := range a.Affiliation {
			if s := string(af.Name); s != "" && !seen[s] {
				seen[s] = true
				rec.Affiliations = append(rec.Affiliations, s)
			}
		}
	}
	rec.Type = string(it.Type)
	if crossref {
		rec.Type = crossrefType(rec.Type)
	}
	rec.Title = exportSpace(string(it.Title))
	rec.Container = string(it.Container)
	rec.ContainerShort = exportFirst(string(it.ContainerShort), string(it.ShortContainer), string(it.JournalAbbr))
	rec.Volume = string(it.Volume)
	rec.Issue = string(it.Issue)
	rec.Pages = exportFirst(string(it.Page), string(it.ArticleNumber))
	rec.DOI = bib.NormalizeDOI(exportFirst(string(it.DOI), string(it.DOILower)))
	rec.URL = string(it.URL)
	rec.Publisher = string(it.Publisher)
	rec.Place = string(it.PublisherPlace)
	rec.Abstract = cslStripMarkup(string(it.Abstract))
	for _, d := range []cslDate{it.Issued, it.PublishedPrint, it.PublishedOnl, it.Published, it.Created} {
		if d.repair != "" && len(rec.Repairs) == 0 {
			rec.Repairs = append(rec.Repairs, bib.Repair{Reason: d.repair})
		}
		if d.year != 0 {
			rec.Year = d.year
			break
		}
	}
	rec.Keywords = splitCSLKeywords(string(it.Keyword))
	rec.TimesCited = exportInt(string(it.CitedBy))
	for i := range it.Reference {
		ref := it.Reference[i].reference(parse)
		ref.Position = len(rec.References) + 1
		rec.References = append(rec.References, ref)
	}
	return rec
}

func splitCSLKeywords(s string) []string {
	if strings.Contains(s, ";") {
		return exportList(s, ";")
	}
	return exportList(s, ",")
}

// crossrefType maps a Crossref work type to CSL.
func crossrefType(t string) string {
	switch t {
	case "journal-article":
		return "article-journal"
	case "book-chapter", "book-section", "book-part", "reference-entry":
		return "chapter"
	case "proceedings-article":
		return "paper-conference"
	case "book", "monograph", "edited-book", "reference-book", "book-set", "book-series", "proceedings":
		return "book"
	case "dissertation":
		return "thesis"
	case "report", "report-series", "report-component":
		return "report"
	case "posted-content":
		return "article"
	case "dataset", "database":
		return "dataset"
	case "standard":
		return "standard"
	case "peer-review":
		return "review"
	case "":
		return ""
	}
	return "document"
}

// cslName is a CSL name; Crossref adds "name" for organisations and the
// authors' affiliations.
type cslName struct {
	Family      cslText `json:"family"`
	Given       cslText `json:"given"`
	Literal     cslText `json:"literal"`
	Name        cslText `json:"name"`
	Affiliation []struct {
		Name cslText `json:"name"`
	} `json:"affiliation"`
}

func (n cslName) name() bib.Name {
	switch {
	case n.Family != "":
		return bib.Name{Family: string(n.Family), Given: string(n.Given)}
	case n.Literal != "":
		return bib.Name{Literal: string(n.Literal)}
	case n.Name != "":
		return bib.Name{Literal: string(n.Name)}
	case n.Given != "":
		return bib.Name{Family: string(n.Given)}
	}
	return bib.Name{}
}

// UnmarshalJSON takes an object or, as some exporters write, a string.
func (n *cslName) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		p := refparse.ParseName(s)
		*n = cslName{Family: cslText(p.Family), Given: cslText(p.Given), Literal: cslText(p.Literal)}
		return nil
	}
	if len(b) == 0 || b[0] != '{' {
		*n = cslName{}
		return nil
	}
	type plain cslName
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*n = cslName(p)
	return nil
}

// cslDate is a CSL date: {"date-parts": [[2019, 4, 3]]}, {"raw": "…"},
// {"literal": "…"}, or a bare string.
type cslDate struct {
	year   int
	repair string // a date-parts year that is not a year (see readYear)
}

func (d *cslDate) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	*d = cslDate{}
	if len(b) == 0 {
		return nil
	}
	switch b[0] {
	case '"':
		var s string
		if json.Unmarshal(b, &s) == nil {
			d.year = exportYear(s)
		}
	case '{':
		var v struct {
			DateParts [][]cslText `json:"date-parts"`
			Raw       cslText     `json:"raw"`
			Literal   cslText     `json:"literal"`
			Season    cslText     `json:"season"`
		}
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		if len(v.DateParts) > 0 && len(v.DateParts[0]) > 0 {
			d.year, d.repair = readYear(string(v.DateParts[0][0]))
		}
		if d.year == 0 {
			d.year = exportYear(exportFirst(string(v.Raw), string(v.Literal)))
		}
	case '[':
		var v []cslDate
		if json.Unmarshal(b, &v) == nil && len(v) > 0 {
			*d = v[0]
		}
	}
	return nil
}

// cslText is a JSON scalar read as text, whatever its type: a string, a
// number (its digits), true/false/null (""), or an array (its first
// non-empty element). An object reads as "".
type cslText string

func (t *cslText) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	*t = ""
	if len(b) == 0 {
		return nil
	}
	switch b[0] {
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = cslText(strings.TrimSpace(s))
	case '[':
		var v []cslText
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		for _, e := range v {
			if e != "" {
				*t = e
				break
			}
		}
	case '{', 'n', 't', 'f':
	default:
		*t = cslText(b)
	}
	return nil
}

// crossrefRef is an item of a Crossref work's reference list.
type crossrefRef struct {
	Key          cslText `json:"key"`
	DOI          cslText `json:"DOI"`
	Unstructured cslText `json:"unstructured"`
	Author       cslText `json:"author"`
	Year         cslText `json:"year"`
	JournalTitle cslText `json:"journal-title"`
	VolumeTitle  cslText `json:"volume-title"`
	SeriesTitle  cslText `json:"series-title"`
	ArticleTitle cslText `json:"article-title"`
	Volume       cslText `json:"volume"`
	Issue        cslText `json:"issue"`
	FirstPage    cslText `json:"first-page"`
	Edition      cslText `json:"edition"`
	ISBN         cslText `json:"ISBN"`
}

// reference turns the item into a Reference: its unstructured text parsed
// with parse, then overridden by the structured keys.
func (c *crossrefRef) reference(parse bib.ReferenceParser) bib.Reference {
	ref := bib.Reference{Raw: exportSpace(string(c.Unstructured))}
	if ref.Raw != "" {
		ref.Work = parse(ref.Raw)
	} else {
		ref.Raw = c.render()
	}
	w := &ref.Work
	if c.Author != "" {
		w.Authors = []bib.Name{refparse.ParseName(string(c.Author))}
	}
	if y := exportInt(string(c.Year)); y != 0 {
		w.Year = y
	}
	if c.ArticleTitle != "" {
		w.Title = exportSpace(string(c.ArticleTitle))
	}
	switch {
	case c.JournalTitle != "":
		w.Container = string(c.JournalTitle)
		w.Type = "article-journal"
	case c.VolumeTitle != "" && c.ArticleTitle != "":
		w.Container = string(c.VolumeTitle)
		w.Type = "chapter"
	case c.VolumeTitle != "":
		w.Title = string(c.VolumeTitle)
		w.Container = ""
		w.Type = "book"
	case c.SeriesTitle != "":
		w.Container = string(c.SeriesTitle)
	}
	if c.Volume != "" {
		w.Volume = string(c.Volume)
	}
	if c.Issue != "" {
		w.Issue = string(c.Issue)
	}
	if c.FirstPage != "" {
		w.Pages = string(c.FirstPage)
	}
	if d := bib.NormalizeDOI(string(c.DOI)); d != "" {
		w.DOI = d
	}
	return ref
}

// render writes the structured keys of a reference as one line: "Bonke,
// 2003, APL regulates vascular tissue identity in Arabidopsis, Nature, 426,
// 181, doi:10.1038/nature02100".
func (c *crossrefRef) render() string {
	var parts []string
	for _, p := range []cslText{c.Author, c.Year, c.ArticleTitle, c.JournalTitle, c.VolumeTitle, c.SeriesTitle, c.Volume, c.Issue, c.FirstPage} {
		if p != "" {
			parts = append(parts, exportSpace(string(p)))
		}
	}
	if c.DOI != "" {
		parts = append(parts, "doi:"+string(c.DOI))
	}
	if len(parts) == 0 {
		return string(c.Key)
	}
	return strings.Join(parts, ", ")
}

var cslMarkupTag = regexp.MustCompile(`<[^>]*>`)

// cslStripMarkup turns the JATS or HTML of an abstract into plain text.
func cslStripMarkup(s string) string {
	if strings.ContainsRune(s, '<') {
		s = cslMarkupTag.ReplaceAllString(s, " ")
	}
	if strings.ContainsRune(s, '&') {
		s = html.UnescapeString(s)
	}
	return exportSpace(s)
}
