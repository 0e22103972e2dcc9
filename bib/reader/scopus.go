package reader

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// Scopus CSV: one record a row under a header line naming the columns
// ("Authors", "Title", "Year", "Source title", …, "References", "EID").
// The References cell holds the cited references separated by "; ".

func detectScopus(head []byte) bool {
	l := headFirstLine(head)
	has := func(col string) bool { return bytes.Contains(l, []byte(col)) }
	// The columns exported depend on the user's choice; EID is always
	// there unless it was unticked too.
	return has("Source title") && (has("EID") || has("Authors")) ||
		has("EID") && has("Title") && (has("Authors") || has("Author(s) ID"))
}

type scopusReader struct {
	t     *csvTable
	parse bib.ReferenceParser
	cols  struct {
		authors, fullNames, title, year, source, abbrev, volume, issue, artNo,
		pageStart, pageEnd, citedBy, doi, link, affiliations, abstract,
		keywords, indexKeywords, references, publisher, docType, eid int
	}
	// funding is the last "Funding Text N" column, or -1. A record with
	// more funding texts than the header names has more cells than the
	// header: the cells after the funding texts sit further right.
	funding int
	started bool
}

func newScopusReader(r io.Reader, file string, parse bib.ReferenceParser) RecordReader {
	return &scopusReader{t: newCSVTable(r, file), parse: parse}
}

func (s *scopusReader) Read() (*bib.Record, error) {
	row, line, err := s.t.next()
	if err != nil {
		return nil, err
	}
	if !s.started {
		s.started = true
		c, t := &s.cols, s.t
		c.authors = t.col("Authors")
		c.fullNames = t.col("Author full names")
		c.title = t.col("Title")
		c.year = t.col("Year")
		c.source = t.col("Source title")
		c.abbrev = t.col("Abbreviated Source Title")
		c.volume = t.col("Volume")
		c.issue = t.col("Issue")
		c.artNo = t.col("Art. No.")
		c.pageStart = t.col("Page start")
		c.pageEnd = t.col("Page end")
		c.citedBy = t.col("Cited by")
		c.doi = t.col("DOI")
		c.link = t.col("Link")
		c.affiliations = t.col("Affiliations")
		c.abstract = t.col("Abstract")
		c.keywords = t.col("Author Keywords")
		c.indexKeywords = t.col("Index Keywords")
		c.references = t.col("References")
		c.publisher = t.col("Publisher")
		c.docType = t.col("Document Type")
		c.eid = t.col("EID")
		s.funding = -1
		for name, i := range t.cols {
			if strings.HasPrefix(name, "funding text") && i > s.funding {
				s.funding = i
			}
		}
	}
	c := s.cols // this row's columns
	if shift := len(row) - s.t.width; shift != 0 && s.funding >= 0 {
		for _, p := range []*int{&c.authors, &c.fullNames, &c.title, &c.year, &c.source, &c.abbrev, &c.volume, &c.issue, &c.artNo,
			&c.pageStart, &c.pageEnd, &c.citedBy, &c.doi, &c.link, &c.affiliations, &c.abstract,
			&c.keywords, &c.indexKeywords, &c.references, &c.publisher, &c.docType, &c.eid} {
			if *p > s.funding {
				*p += shift
			}
		}
	}
	rec := &bib.Record{ID: csvField(row, c.eid), File: s.t.file, Line: line}
	rec.Authors = scopusAuthors(csvField(row, c.fullNames), csvField(row, c.authors))
	rec.Type = scopusType(csvField(row, c.docType))
	rec.Title = exportSpace(csvField(row, c.title))
	setYear(rec, csvField(row, c.year))
	rec.Container = csvField(row, c.source)
	rec.ContainerShort = csvField(row, c.abbrev)
	rec.Volume = csvField(row, c.volume)
	rec.Issue = csvField(row, c.issue)
	rec.Pages = exportPages(csvField(row, c.pageStart), csvField(row, c.pageEnd))
	if rec.Pages == "" {
		rec.Pages = csvField(row, c.artNo)
	}
	rec.DOI = bib.NormalizeDOI(csvField(row, c.doi))
	rec.URL = csvField(row, c.link)
	rec.Publisher = csvField(row, c.publisher)
	rec.Abstract = scopusAbstract(csvField(row, c.abstract))
	rec.Keywords = splitKeywords(csvField(row, c.keywords))
	rec.IndexKeywords = splitKeywords(csvField(row, c.indexKeywords))
	rec.Affiliations = exportList(csvField(row, c.affiliations), "; ")
	rec.TimesCited = exportInt(csvField(row, c.citedBy))
	if c.references >= 0 && c.references < len(row) {
		// The cell's own line: the References column may sit below line
		// when earlier cells of the row span lines.
		refLine, _ := s.t.r.FieldPos(c.references)
		rec.References = scopusReferences(exportText(row[c.references]), refLine, scopusParser(s.parse))
	}
	return rec, nil
}

// scopusAbstract drops the "[No abstract available]" placeholder.
func scopusAbstract(s string) string {
	if strings.HasPrefix(s, "[No abstract") {
		return ""
	}
	return s
}

// scopusReferences splits a Scopus references cell (the CSV References
// column or the BibTeX references field) into references. line is the line
// the cell starts on; each reference gets the line it starts on.
func scopusReferences(cell string, line int, parse func(string) bib.Work) []bib.Reference {
	var refs []bib.Reference
	for _, sp := range splitScopusReferences(cell) {
		refs = append(refs, bib.Reference{
			Raw:      sp.text,
			Position: len(refs) + 1,
			Line:     line + strings.Count(cell[:sp.offset], "\n"),
			Work:     parse(sp.text),
		})
	}
	return refs
}

// A scopusSpan is a piece of a cell and its byte offset in the cell.
type scopusSpan struct {
	text   string
	offset int
}

// splitScopusReferences splits a Scopus references cell on reference
// boundaries. References are separated by "; ", but "; " also occurs inside
// one reference, and the cell has no escape for it:
//
//   - a title holding "; " ("… annealing temperature on the; microstructure
//     and …"): a piece that starts with a lower-case word which is no name
//     and no web address continues the piece before, unless that one ends
//     with its "(year)" as complete references in newer exports do;
//   - an editor list in older exports ("…, Lecture Notes …; Deuflhard, P.;
//     Hermans, J.; Skeel, R. D., Eds.; Springer-Verlag: Berlin"): a run of
//     "Family, I." pieces ending in "…, Eds." continues the reference
//     before them, and so does a "Publisher: Place" piece after the
//     editors or after an older-style reference ("(2002) Title, …")
//     that has its year but is not complete;
//   - authors separated by "; " (the current exports write "Kang W.; Huang
//     Y.; Zhang X., Title, …" or "Braga TV; Evangelista FCG., Title, …"):
//     in a cell written so (see scopusAuthorsSplit), a piece that is one
//     name continues into the piece after it when that one starts with a
//     name, up to the reference's closing "(year)".
//
// A bare name in a cell of complete references of the 2020–2023 style
// ("Maxwell J.") is a reference of its own: Scopus keeps references it
// could not parse as the author alone.
func splitScopusReferences(cell string) []scopusSpan {
	var pieces []scopusSpan
	start := 0
	for i := 0; i <= len(cell); i++ {
		if i < len(cell) && !(cell[i] == ';' && (i+1 == len(cell) || cell[i+1] == ' ' || cell[i+1] == '\n' || cell[i+1] == '\t')) {
			continue
		}
		raw := cell[start:i]
		trimmed := strings.TrimSpace(raw)
		if trimmed != "" {
			off := start + strings.Index(raw, trimmed)
			pieces = append(pieces, scopusSpan{trimmed, off})
		}
		start = i + 1
	}
	if len(pieces) < 2 {
		return pieces
	}
	// cont[i]: piece i continues the reference of piece i-1.
	cont := make([]bool, len(pieces))
	authorsMode := scopusAuthorsSplit(pieces)
	for i := 1; i < len(pieces); i++ {
		prev, p := pieces[i-1].text, pieces[i].text
		switch {
		case authorsMode && refparse.IsScopusName(prev) && scopusStartsWithName(p):
			cont[i] = true
		case scopusLowerContinuation(p) && !scopusYearEnd.MatchString(prev):
			cont[i] = true
		case scopusEditors().MatchString(p):
			// The run of "Family, I." pieces before it, and it, continue
			// the reference before the run.
			j := i
			for j > 0 && scopusOldName().MatchString(pieces[j-1].text) {
				j--
			}
			if j > 0 {
				for k := j; k <= i; k++ {
					cont[k] = true
				}
			}
		case scopusPublisher.MatchString(p) && (scopusEditors().MatchString(prev) ||
			scopusYear.MatchString(prev) && !scopusYearEnd.MatchString(prev)):
			cont[i] = true
		}
	}
	var out []scopusSpan
	for i, p := range pieces {
		if cont[i] && len(out) > 0 {
			last := &out[len(out)-1]
			last.text = cell[last.offset : p.offset+len(p.text)]
			continue
		}
		out = append(out, p)
	}
	return out
}

// scopusAuthorsSplit reports whether a cell separates each reference's
// authors with "; ": more of its pieces are one name alone than start with
// two names separated by ", " (the 2020–2023 style), and at least two.
func scopusAuthorsSplit(pieces []scopusSpan) bool {
	alone, listed := 0, 0
	for _, p := range pieces {
		switch segs := strings.SplitN(p.text, ", ", 3); {
		case len(segs) == 1 && refparse.IsScopusName(p.text):
			alone++
		case len(segs) == 3 && refparse.IsScopusName(segs[0]) && refparse.IsScopusName(segs[1]):
			listed++
		}
	}
	return alone >= 2 && alone > listed
}

// scopusStartsWithName reports whether a piece starts with an author
// name (or "Et al."): it is one, or its first part before ", " is one.
func scopusStartsWithName(p string) bool {
	first, _, _ := strings.Cut(p, ", ")
	return refparse.IsScopusName(first) || refparse.IsEtAl(first)
}

var (
	// initials: "J.", "M.J.-A.", "A.H.", or undotted "J", "JT".
	scopusInitials = `(?:\p{Lu}\.(?:\s?-?\p{Lu}\.)*|\p{Lu}{1,2})`
	// scopusOldName is one name as older exports write it: "Deuflhard, P.",
	// "Mark, A. E.". It and scopusEditors are compiled on first use: their
	// letter classes cost every run's start-up a millisecond or more.
	scopusOldName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\p{Lu}[\p{L}'’\- ]*, (?:\p{Lu}\.\s?-?)+$`) })
	// scopusEditors ends an editor list: "Skeel, R. D., Eds.".
	scopusEditors = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\p{Lu}[\p{L}'’\- ]*, (?:\p{Lu}\.\s?-?)+, \(?Eds?\.\)?$`)
	})
	// scopusPublisher is "Publisher: Place" as ACS-style references give it.
	scopusPublisher = regexp.MustCompile(`^\p{Lu}[^\d();,:]*(?:, [^\d();,:]+)?: \p{Lu}[^();:]*$`)
	scopusYear      = regexp.MustCompile(`\((?:1[5-9]\d\d|20\d\d)[a-z]?\)`)
	scopusYearEnd   = regexp.MustCompile(`\((?:1[5-9]\d\d|20\d\d)[a-z]?\)\.?$`)
	scopusNameStart = regexp.MustCompile(`^(?:\S+\s+)*?` + scopusInitials + `$`)
	// scopusLowerStart matches the lower-case starts of names and addresses.
	scopusLowerStart = regexp.MustCompile(`^(?:(?:van|von|der|den|de|del|della|di|da|du|des|dos|das|la|le|ter|ten|zu|vom)\s|d'|d’|l'|l’|https?:|www\.)`)
)

// scopusLowerContinuation reports whether p starts with a lower-case
// letter and is no name ("van der Walt S", "d'Aquino M.", "de Jong, H.")
// and no web address: the rest of a text cut at a "; ".
func scopusLowerContinuation(p string) bool {
	r, _ := utf8.DecodeRuneInString(p)
	if !unicode.IsLower(r) || scopusLowerStart.MatchString(p) {
		return false
	}
	first, _, _ := strings.Cut(p, ",")
	return !scopusNameStart.MatchString(strings.TrimSpace(first))
}

// scopusAuthors reads the authors from "Author full names" ("Gong, Bin
// (57321683800); Wang, Luowen (58115311900)") when the export has it, else
// from "Authors": "Gong B.; Wang L." in newer exports, "Phillips J.C.,
// Braun R." or "Phillips, J.C., Braun, R." in older ones.
func scopusAuthors(full, short string) []bib.Name {
	var names []bib.Name
	if full != "" {
		for _, a := range exportList(full, ";") {
			if i := strings.LastIndex(a, " ("); i > 0 && strings.HasSuffix(a, ")") {
				a = strings.TrimSpace(a[:i])
			}
			if n := refparse.ParseName(a); !n.IsZero() {
				names = append(names, n)
			}
		}
		return names
	}
	if short == "" || strings.HasPrefix(short, "[No author") {
		return nil
	}
	if strings.Contains(short, ";") {
		for _, a := range exportList(short, ";") {
			names = append(names, refparse.ParseCRName(a))
		}
		return names
	}
	parts := exportList(short, ",")
	// "Family, I., Family, I.": every second part is initials.
	paired := len(parts)%2 == 0
	for i := 1; i < len(parts) && paired; i += 2 {
		paired = refparse.IsInitials(strings.ReplaceAll(parts[i], " ", "")) && !refparse.IsInitials(parts[i-1])
	}
	if paired {
		for i := 0; i < len(parts); i += 2 {
			names = append(names, bib.Name{Family: parts[i], Given: parts[i+1]})
		}
		return names
	}
	for _, a := range parts {
		names = append(names, refparse.ParseCRName(a))
	}
	return names
}

// scopusType maps a Scopus document type to CSL.
func scopusType(t string) string {
	switch strings.ToLower(t) {
	case "conference paper", "conference review":
		return "paper-conference"
	case "book chapter":
		return "chapter"
	case "book":
		return "book"
	case "data paper", "dataset":
		return "dataset"
	}
	return "article-journal"
}

// exportPages joins a first and last page ("4716", "4723" → "4716-4723").
func exportPages(first, last string) string {
	first, last = strings.TrimSpace(first), strings.TrimSpace(last)
	switch {
	case first == "":
		return ""
	case last == "" || last == first:
		return first
	}
	return first + "-" + last
}

// exportInt reads the leading digits of s ("2019", "2019a", "12 (3)"), or 0.
func exportInt(s string) int {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, _ := strconv.Atoi(s[:i])
	return n
}

// scopusParser reads a Scopus reference in its fixed shape
// (refparse.ParseScopusReference), and with parse what has none.
func scopusParser(parse bib.ReferenceParser) bib.ReferenceParser {
	return func(s string) bib.Work {
		if w, ok := refparse.ParseScopusReference(s); ok {
			return w
		}
		return parse(s)
	}
}
