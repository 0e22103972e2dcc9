package refparse

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/bib"
)

// Reading a reference with the CRF (crf.go): the CRF labels the tokens,
// and the rule-based parser's helpers turn the labelled spans into CSL
// fields: the author list read by parseNameList (family and given names,
// "et al.", 等, corporate authors), the year from the date, page ranges
// with an ASCII hyphen, the DOI normalised, the URL trimmed, the title and
// container trimmed of their punctuation, and the type decided from the
// GB/T marker and the fields found. A Chinese original followed by its
// English translation is split as the rule-based parser splits it
// (refparse_bilingual.go), and the translation is labelled.

// CRFSpanText is the text of the tokens [a, b).
func CRFSpanText(text string, toks []CRFTok, a, b int) string {
	return text[toks[a].Start:toks[b-1].End]
}

// CRFFieldSpan returns the tokens of the first span labelled l, joined
// with later spans of l that only marks separate from it: [a, b).
func CRFFieldSpan(text string, toks []CRFTok, labels []CRFLabel, l CRFLabel) (int, int, bool) {
	a := -1
	for i := range labels {
		if labels[i] == l {
			a = i
			break
		}
	}
	if a < 0 {
		return 0, 0, false
	}
	b := a + 1
	for {
		for b < len(labels) && labels[b] == l {
			b++
		}
		// A gap of one or two marks before more of the field.
		g := b
		for g < len(labels) && g-b < 2 && labels[g] != l && CRFIsMark(CRFTokText(text, toks, g)) {
			g++
		}
		if g > b && g < len(labels) && labels[g] == l {
			b = g
			continue
		}
		return a, b, true
	}
}

// CRFWork turns a labelled reference into a Work.
func CRFWork(text string, toks []CRFTok, labels []CRFLabel) bib.Work {
	var w bib.Work
	st := refState{w: &w}
	field := func(l CRFLabel) string {
		a, b, ok := CRFFieldSpan(text, toks, labels, l)
		if !ok {
			return ""
		}
		return NormalizeFullWidth(CRFSpanText(text, toks, a, b))
	}
	if s := field(CRFAuthor); s != "" {
		w.Authors = CRFAuthors(s)
	}
	w.Title = cleanTitle(field(CRFTitle))
	w.Container = cleanContainer(field(CRFContainer))
	if d := field(CRFDate); d != "" {
		w.Year = fallbackYear(d, "")
		if w.Year == 0 {
			if y, err := strconv.Atoi(strings.TrimSpace(d)); err == nil && IsYear(strconv.Itoa(y)) {
				w.Year = y
			}
		}
	}
	w.Volume = crfLocatorValue(field(CRFVolume))
	w.Issue = crfLocatorValue(field(CRFIssue))
	if p := field(CRFPages); p != "" {
		w.Pages = normalizePages(crfLocatorValue(p))
	}
	w.Publisher = strings.TrimRight(strings.TrimSpace(field(CRFPublisher)), ",;:")
	w.Place = strings.TrimRight(strings.TrimSpace(field(CRFLocation)), ",;:")
	for i, l := range labels {
		t := CRFTokText(text, toks, i)
		switch l {
		case CRFDOI:
			if w.DOI == "" {
				// The DOI's words, joined: a DOI broken by spaces ("10 . 1073
				// / pnas . 1018514108") is one.
				a, b, _ := CRFFieldSpan(text, toks, labels, CRFDOI)
				for _, d := range []string{strings.Join(strings.Fields(CRFSpanText(text, toks, a, b)), ""), t} {
					if n := bib.NormalizeDOI(d); n != "" {
						w.DOI = trimDOI(n)
					} else if k := strings.Index(d, "10."); k >= 0 {
						w.DOI = trimDOI(bib.NormalizeDOI(d[k:]))
					}
					if w.DOI != "" {
						break
					}
				}
			}
		case CRFURL:
			recordLink(&w, trimURL(t))
		case CRFGenre:
			if st.marker == "" {
				if m := strings.ToUpper(t); crfGBTLetters[m] {
					st.marker, _, _ = strings.Cut(m, "/")
				}
			}
		case CRFOther:
			if t == "//" {
				st.chapter = true
			}
		}
	}
	if a, _, ok := CRFFieldSpan(text, toks, labels, CRFContainer); ok && a > 0 {
		if p := CRFTokText(text, toks, a-1); p == "In" || p == "in" || p == "In:" || p == "//" {
			st.chapter = true
		}
	}
	if _, _, ok := CRFFieldSpan(text, toks, labels, CRFEditor); ok {
		st.chapter = true
	}
	st.loc.journal = w.Volume != "" || w.Issue != ""
	st.web = w.URL != "" && w.Container == ""
	rest := text
	if _, b, ok := CRFFieldSpan(text, toks, labels, CRFTitle); ok {
		rest = text[toks[b-1].End:]
	}
	w.Type = st.workType(rest)
	return w
}

// CRFAuthors reads an author list labelled by the CRF.
func CRFAuthors(s string) []bib.Name {
	s = strings.TrimSpace(s)
	nl := parseNameList(s)
	if len(nl.names) > 0 && !nl.editors && nl.end >= len(strings.TrimRight(s, ". "))-1 {
		return nl.names
	}
	// The list as a whole was not read: one name per piece between
	// semicolons or commas.
	sep := ";"
	if !strings.Contains(s, ";") {
		sep = ","
	}
	var out []bib.Name
	for _, part := range strings.Split(s, sep) {
		part = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(part), "."))
		if part == "" || isEtAlStart(part) || strings.HasPrefix(part, "et al") {
			continue
		}
		if n := ParseName(part); !n.IsZero() {
			out = append(out, n)
		}
	}
	if len(out) == 0 && len(nl.names) > 0 {
		return nl.names
	}
	return out
}

// crfLocatorValue trims a volume, issue or page span: keywords the CRF
// left in, brackets and punctuation around it.
func crfLocatorValue(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := strings.TrimLeft(s, "([ ")
		t = strings.TrimRight(t, ")]., ;:")
		w, rest, ok := strings.Cut(t, " ")
		if ok && CRFIsLocatorKeyword(strings.ToLower(strings.TrimRight(w, "."))) {
			t = strings.TrimSpace(rest)
		} else if i := strings.IndexByte(t, '.'); i > 0 && i < len(t)-1 && CRFIsLocatorKeyword(strings.ToLower(t[:i])) {
			t = t[i+1:] // "pp.12"
		} else if len(t) > 2 && (t[:2] == "pp" || t[:2] == "PP") && isDigitByte(t[2]) {
			t = t[2:] // "pp97–116"
		}
		if t == s {
			return s
		}
		s = t
	}
}

// CRFReferenceParser returns the learned reference parser: it reads a
// free-text reference as ParseReference does, with the fields found by a
// sequence labeller (a linear-chain CRF trained on AnyStyle's and GROBID's
// labelled references and GB/T 7714 renderings, see crf.go) instead of the
// hand-written rules. The rules are tuned to the styles of the seed list
// and of Web of Science and Scopus; the CRF reads more styles. The error
// is the embedded model's, which cannot be read only if the binary was
// built from a damaged tree. Like ParseReference, the parser never panics
// and is safe for concurrent use.
func CRFReferenceParser() (bib.ReferenceParser, error) {
	m, err := crfDefaultModel()
	if err != nil {
		return nil, err
	}
	return func(raw string) bib.Work {
		return parseNeverPanics(raw, func(s string) bib.Work { return crfParseReference(m, s) })
	}, nil
}

// crfParseReference reads a reference with model m: the CRF labels it, the
// rule-based helpers read the fields.
func crfParseReference(m *CRFModel, raw string) bib.Work {
	w, _ := crfReadReference(m, raw)
	return w
}

// ParseWithCRF reads a reference as CRFReferenceParser does, with model m
// (for training, which scores the models it builds).
func ParseWithCRF(m *CRFModel, raw string) bib.Work {
	return parseNeverPanics(raw, func(s string) bib.Work { return crfParseReference(m, s) })
}

// LabelReference labels a reference's tokens as the parser reads them:
// the CRF's labels (Label), then what it is proven to misread mended: names
// before an editor's or translator's mark are editors
// (crfEditorsNotAuthors), and the fields after a GB/T 7714 type code are
// what the code says (crfTypeCodeFields).
func (m *CRFModel) LabelReference(text string, toks []CRFTok, sc *CRFScratch) []CRFLabel {
	labels := m.Label(text, toks, sc)
	crfBareListNumber(text, toks, labels)
	crfTypeCodeNumbers(text, toks, labels)
	crfOrganisationAuthor(text, toks, labels)
	crfHanNamesBeforeYear(text, toks, labels)
	crfEditorsNotAuthors(text, toks, labels)
	crfChapterHost(text, toks, labels)
	crfHostEditors(text, toks, labels)
	crfJournalAfterNames(text, toks, labels)
	crfJournalRunIntoNames(text, toks, labels)
	crfJournalBeforeYear(text, toks, labels)
	crfTitleGoesOn(text, toks, labels)
	crfElidedYear(text, toks, labels)
	crfProceedingsHost(text, toks, labels)
	crfTypeCodeFields(text, toks, labels)
	return labels
}

// crfLeftovers is what the CRF's labels may have left for the rules to
// read (HybridReferenceParser).
type crfLeftovers struct {
	spare  bool   // a word with a digit, or a link, in no field
	number bool   // a number ending a field that is not a locator, or a second date
	doi    string // the DOI found by its shape, as the rules find it
	text   string // the text read (cleaned; the translation of a bilingual pair)
}

// crfReadReference is crfParseReference, and also reports what the labels
// left that the rules may still read.
func crfReadReference(m *CRFModel, raw string) (w bib.Work, left crfLeftovers) {
	s := crfSingleStops(cleanReference(raw))
	if s == "" {
		return bib.Work{}, left
	}
	var original string
	if orig, trans, ok := splitTranslation(s); ok {
		original, s = orig, trans
	}
	sc := crfScratchPool.Get().(*CRFScratch)
	defer crfScratchPool.Put(sc)
	sc.toks = CRFTokenize(s, sc.toks[:0])
	labels := m.LabelReference(s, sc.toks, sc)
	w = CRFWork(s, sc.toks, labels)
	w.Original = original
	left.text = s
	dates := 0
	for i, l := range labels {
		t := CRFTokText(s, sc.toks, i)
		switch l {
		case CRFVolume, CRFIssue, CRFPages, CRFDOI, CRFURL, CRFCitNum:
			continue
		case CRFOther:
			if strings.Contains(t, "http") || strings.Contains(t, "www.") {
				left.spare = true
			}
		case CRFDate:
			if dates++; dates == 1 {
				continue
			}
		default:
			if i+1 < len(labels) && labels[i+1] == l {
				continue // a number inside a field: "EuroSun 2014 Conference"
			}
		}
		if strings.IndexFunc(t, unicode.IsDigit) >= 0 {
			left.number = true
			left.spare = left.spare || l == CRFOther
		}
	}
	if strings.Contains(s, "10.") {
		left.doi = shapeDOI(NormalizeFullWidth(s))
	}
	return w, left
}

// crfSingleStops writes a doubled full stop before a space as one: a field
// that ends with its own stop, followed by the style's ("Complexes..
// ChemInform. 2003", Crossref's degraded style; "Smith J.. Title"), which
// the CRF would read as an ellipsis inside the field. An ellipsis of three
// stops stays.
func crfSingleStops(s string) string {
	if !strings.Contains(s, ".. ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '.' && i+2 < len(s) && s[i+1] == '.' && s[i+2] == ' ' && (i == 0 || s[i-1] != '.') {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
