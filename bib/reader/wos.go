package reader

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// Web of Science plain text: two-letter field tags in the first two columns,
// the value from column four, continuation lines indented three spaces, "ER"
// ending a record and "EF" the file. Multi-valued fields (AU, AF, CR, C1)
// hold one value a line.

func detectWoS(head []byte) bool {
	return bytes.HasPrefix(head, []byte("FN ")) || bytes.HasPrefix(head, []byte("PT ")) ||
		(bytes.Contains(head, []byte("\nPT ")) && bytes.Contains(head, []byte("\nER")))
}

type wosReader struct {
	lr   *lineReader
	file string
	// The record being read, kept across a line reported as skipped.
	f       *wosFields
	lastTag string
	// later holds the cited references of the records whose reference
	// lists are left to ReadAll (see laterParser), until it makes them.
	later      map[*bib.Record]*wosFields
	laterMutex sync.Mutex
	// crs and crLines hold the cited references of the record being read
	// and their lines, the buffers kept from record to record: grown anew
	// for each record, they were 26 MB on 500 records citing 800 works
	// each.
	crs     []string
	crLines []int
}

// referencesLater leaves the records' reference lists unmade from now on
// and returns what makes them (see laterParser).
func (w *wosReader) referencesLater() func(*bib.Record) {
	w.later = map[*bib.Record]*wosFields{}
	return func(rec *bib.Record) {
		w.laterMutex.Lock()
		f := w.later[rec]
		delete(w.later, rec)
		w.laterMutex.Unlock()
		for i, cr := range f.values["CR"] {
			rec.References[i] = bib.Reference{Raw: cr, Position: i + 1, Line: f.lines["CR"][i], Work: refparse.ParseWoSCitedReference(cr)}
		}
	}
}

func newWoSReader(r io.Reader, file string) RecordReader {
	return &wosReader{lr: newLineReader(r), file: file}
}

// wosFields collects one record's tagged values, in order.
type wosFields struct {
	start   int
	values  map[string][]string
	lines   map[string][]int
	repairs []bib.Repair
}

func (f *wosFields) add(tag, value string, line int) {
	f.values[tag] = append(f.values[tag], value)
	f.lines[tag] = append(f.lines[tag], line)
}

func (f *wosFields) one(tag string) string {
	v := f.values[tag]
	if len(v) == 0 {
		return ""
	}
	// Single-valued fields that wrap (TI, SO, AB) are joined with spaces.
	return strings.Join(v, " ")
}

// multiValued tags hold one item per line; other tags wrap long text.
var multiValued = map[string]bool{"AU": true, "AF": true, "CR": true, "C1": true, "BA": true, "BF": true, "CA": true}

// Read returns the next record. A line inside a record that is neither a
// field nor a continuation is reported as skipped, and the record goes on.
func (w *wosReader) Read() (*bib.Record, error) {
	f, lastTag := w.f, w.lastTag
	defer func() { w.f, w.lastTag = f, lastTag }()
	for {
		line, ok := w.lr.next()
		if !ok {
			if err := w.lr.failure(); err != nil {
				return nil, &bib.ParseError{File: w.file, Line: w.lr.line, Err: err}
			}
			if f != nil {
				start := f.start
				f = nil
				return nil, &bib.ParseError{File: w.file, Line: start, Err: fmt.Errorf("%w: record has no ER line (file cut short?)", bib.ErrSyntax)}
			}
			return nil, io.EOF
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(line, "   ") || strings.HasPrefix(line, "\t") {
			if f == nil || lastTag == "" {
				return nil, &bib.ParseError{File: w.file, Line: w.lr.line, Err: fmt.Errorf("%w: continuation line outside a field", bib.ErrSyntax)}
			}
			value := strings.TrimSpace(line)
			if lastTag != "CR" && len(f.values["CR"]) == 0 && crEntryShape(value, !multiValued[lastTag]) {
				// The CR tag is missing: these are cited references, not
				// more of the field before (addresses turned into countries).
				f.repairs = append(f.repairs, bib.Repair{Line: w.lr.line, Reason: fmt.Sprintf("no CR tag before cited references: the lines from here, under %s, read as CR", lastTag)})
				lastTag = "CR"
			}
			if multiValued[lastTag] {
				f.add(lastTag, value, w.lr.line)
			} else {
				f.values[lastTag][len(f.values[lastTag])-1] += " " + value
			}
			continue
		}
		tag, value := line, ""
		if len(line) >= 2 {
			tag = line[:2]
			value = strings.TrimSpace(line[2:])
		}
		switch tag {
		case "FN", "VR", "EF":
			continue
		case "ER":
			if f == nil {
				return nil, &bib.ParseError{File: w.file, Line: w.lr.line, Err: fmt.Errorf("%w: ER without a record", bib.ErrSyntax)}
			}
			crs, crLines := f.values["CR"], f.lines["CR"]
			if w.later != nil {
				// f outlives the record: it takes the references at their size.
				f.values["CR"], f.lines["CR"] = slices.Clone(crs), slices.Clone(crLines)
			}
			rec := f.record(w.file, w.later != nil)
			w.crs, w.crLines = crs[:0], crLines[:0]
			if w.later != nil {
				w.laterMutex.Lock()
				w.later[rec] = f
				w.laterMutex.Unlock()
			}
			f, lastTag = nil, ""
			return rec, nil
		}
		if !isWoSTag(tag) {
			return nil, &bib.ParseError{File: w.file, Line: w.lr.line, Err: fmt.Errorf("%w: %q is not a field tag (line skipped)", bib.ErrSyntax, truncate(line, 20))}
		}
		if f == nil {
			f = &wosFields{start: w.lr.line, values: map[string][]string{"CR": w.crs[:0]}, lines: map[string][]int{"CR": w.crLines[:0]}}
		}
		lastTag = tag
		f.add(tag, value, w.lr.line)
	}
}

// crEntryShape reports whether a line is a Web of Science cited reference:
// "Author AB, 2001, SOURCE, …", "[Anonymous], 2002, …", "*ORG, 2019, …".
// Strictly (after a line of running text, which may hold "Name, 2008,
// …"), it also needs initials or a volume, page or DOI.
func crEntryShape(s string, strict bool) bool {
	m := crEntryLine.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	author := strings.Fields(m[1])
	switch {
	case m[1] == "[Anonymous]" || strings.HasPrefix(m[1], "*"):
		return true
	case len(author) < 2 || len(author) > 4:
		return false
	}
	// "Ruffini PB", "Kohler Robert E.", "Hynes William": capitalised
	// words, the last initials or a given name.
	for _, w := range author {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return refparse.IsInitials(author[len(author)-1]) || len(author) <= 3 && (!strict || m[2] != "")
}

var crEntryLine = regexp.MustCompile(`^([^,]+), (?:1[5-9]|20)\d\d, [^,]+(, (?:V|P|AR|DOI )\S.*)?$`)

func isWoSTag(tag string) bool {
	if len(tag) != 2 {
		return false
	}
	for _, c := range []byte(tag) {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return tag[0] >= 'A' && tag[0] <= 'Z'
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// record turns the collected fields into a Record; later leaves its
// references to be made (zero Reference values, one per CR string).
func (f *wosFields) record(file string, later bool) *bib.Record {
	rec := &bib.Record{ID: f.one("UT"), File: file, Line: f.start, Repairs: f.repairs}
	for _, a := range f.values["AU"] {
		rec.Authors = append(rec.Authors, parseWoSName(a))
	}
	if len(rec.Authors) == 0 {
		for _, a := range f.values["CA"] {
			rec.Authors = append(rec.Authors, bib.Name{Literal: a})
		}
	}
	rec.Type = wosType(f.one("PT"), f.one("DT"))
	rec.Title = f.one("TI")
	rec.Container = f.one("SO")
	rec.ContainerShort = f.one("J9")
	setYear(rec, f.one("PY"))
	rec.Volume = f.one("VL")
	rec.Issue = f.one("IS")
	rec.Pages = f.one("BP")
	if ep := f.one("EP"); ep != "" && rec.Pages != "" {
		rec.Pages += "-" + ep
	}
	if rec.Pages == "" {
		rec.Pages = f.one("AR")
	}
	rec.DOI = bib.NormalizeDOI(f.one("DI"))
	rec.Publisher = f.one("PU")
	rec.Abstract = f.one("AB")
	rec.Keywords = splitKeywords(f.one("DE"))
	rec.IndexKeywords = splitKeywords(f.one("ID"))
	rec.Affiliations = f.values["C1"]
	if tc, err := strconv.Atoi(f.one("TC")); err == nil {
		rec.TimesCited = tc
	}
	if later {
		rec.References = make([]bib.Reference, len(f.values["CR"])) // made by wosReader.referencesLater
		return rec
	}
	rec.References = make([]bib.Reference, 0, len(f.values["CR"]))
	for i, cr := range f.values["CR"] {
		rec.References = append(rec.References, bib.Reference{Raw: cr, Position: i + 1, Line: f.lines["CR"][i], Work: refparse.ParseWoSCitedReference(cr)})
	}
	return rec
}

func splitKeywords(s string) []string {
	var kws []string
	for _, k := range strings.Split(s, ";") {
		if k = strings.TrimSpace(k); k != "" {
			kws = append(kws, k)
		}
	}
	return kws
}

// parseWoSName reads "Sun, ZW" or "Russell, Thomas P." as family and given.
func parseWoSName(s string) bib.Name {
	fam, given, ok := strings.Cut(s, ",")
	if !ok {
		return refparse.ParseName(s)
	}
	return bib.Name{Family: strings.TrimSpace(fam), Given: strings.TrimSpace(given)}
}

// wosType maps the publication type (PT) and document type (DT) to CSL.
func wosType(pt, dt string) string {
	switch {
	case strings.Contains(dt, "Proceedings"):
		return "paper-conference"
	case pt == "B":
		return "book"
	case strings.Contains(dt, "Book Chapter"):
		return "chapter"
	case pt == "P":
		return "patent"
	}
	return "article-journal"
}
