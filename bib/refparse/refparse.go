package refparse

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
)

// ParseReference parses a free-text reference (its number label already
// stripped) into a Work. It is rule based and reads the common styles:
// GB/T 7714 (with or without type markers such as [J], full-width
// punctuation, "(in Chinese)" translation pairs and web dates such as
// "(2018-01-16)[2025-02-19]"), APA, Vancouver, Chicago, Harvard, IEEE, ACS,
// Elsevier, and the Scopus styles. Fields it cannot find are left empty.
// It never panics: on an internal failure it returns the cleaned text as
// the title. It is safe for concurrent use.
//
// The steps, each in its own file:
//
//	refparse_clean.go      one line, no markup, no number label, ASCII punctuation
//	refparse_bilingual.go  a Chinese original and its English translation
//	refparse_web.go        DOI, URL, access dates, GB/T web dates
//	names.go               the author list
//	refparse.go            year after the authors, quoted title, GB/T type marker
//	refparse_locator.go    year, volume, issue and pages at the end
//	refparse_segments.go   title, container, place and publisher between them
func ParseReference(raw string) bib.Work {
	return parseNeverPanics(raw, parseReference)
}

// parseNeverPanics reads raw with parse; on a panic it returns the cleaned
// text as the title: a bug must not stop a run over a million references.
func parseNeverPanics(raw string, parse func(string) bib.Work) (w bib.Work) {
	defer func() {
		if r := recover(); r != nil {
			if p, ok := r.(crfModelPanic); ok {
				panic(p.err)
			}
			w = bib.Work{Title: cleanReference(raw)}
		}
	}()
	return parse(raw)
}

// refState is the work being filled and what the steps learnt on the way.
type refState struct {
	w       *bib.Work
	loc     locator
	web     bool   // web dates or an access date were given
	chapter bool   // the container was introduced by "In" or "//"
	marker  string // the GB/T 7714 type marker, "J" of "[J]"
	noTitle bool   // the style puts the source right after the authors
}

func parseReference(raw string) bib.Work {
	var w bib.Work
	s := cleanReference(raw)
	if s == "" {
		return w
	}
	if orig, trans, ok := splitTranslation(s); ok {
		w.Original = orig
		s = trans
	}
	// "(l995)", "2O08": a year, volume or page read from a scan.
	s = readDigitLookAlikes(NormalizeFullWidth(s))
	st := refState{w: &w}
	s = st.takeLinks(s)
	s = st.takeWebDates(s)
	// ". Title. …" (Crossref's degraded style): the author is left empty.
	noAuthor := strings.HasPrefix(s, ". ") || strings.HasPrefix(s, ", . ")
	s = strings.TrimLeft(s, ".,;: ")

	var names nameList
	if !noAuthor {
		names = parseNameList(s)
	}
	if len(names.names) == 1 && names.form == formFull && strings.HasSuffix(s[:names.end], ".") && startsWithYearAt(s[names.end:]) {
		// "Book Reviews. (2012).": APA's title of an unsigned item.
		names = nameList{}
	}
	if !names.editors {
		w.Authors = names.names
	}
	rest := s[names.end:]
	if names.end > 0 && s[names.end-1] == ',' {
		st.noTitle = true // "M.J. Shea, R.N. Compton, Physical Review B 47 (1993) 9967."
	}
	rest = trimLeadPunct(rest)
	rest = trimEditorMarks(rest)
	rest = st.takeLeadingYear(rest)
	if len(w.Authors) == 0 && names.end == 0 {
		rest = st.takeTitleBeforeYear(rest)
	}
	rest = st.takeQuotedTitle(rest)
	rest = st.takeTypeMarker(rest)
	if w.Title == "" && w.Year == 0 {
		rest = st.takeMidYear(rest)
	}
	rest = trimTrailingNoise(rest)

	body := strings.TrimRight(rest, ".,; ") // noise makes the last stop a comma: "371–382,"
	pre := body
	if loc, ok := findLocator(body, w.Year); ok {
		st.loc = loc
		pre = body[:loc.start]
		if strings.HasPrefix(strings.TrimLeft(body[loc.start:], " "), strconv.Itoa(loc.year)) && loc.year != 0 {
			// "Physical Review B 1993, 47, 9967": the source comes right
			// before the year (ACS, Scopus).
			st.noTitle = true
		}
	}
	st.splitSegments(pre)
	st.finish(rest)
	return w
}

// finish fills what the locator left empty from keywords and stray years,
// and decides the type.
func (st *refState) finish(rest string) {
	w := st.w
	if st.loc.volume == "" || st.loc.pages == "" || st.loc.issue == "" {
		after := rest
		if w.Title != "" {
			if i := strings.Index(rest, w.Title); i >= 0 {
				after = rest[i+len(w.Title):]
			}
		}
		keywordLocator(after, &st.loc)
		if i := containerLocatorStart(w.Container); i > 0 {
			w.Container = cleanContainer(w.Container[:i])
		}
	}
	if w.Year == 0 {
		w.Year = st.loc.year
	}
	if w.Year == 0 {
		pages := st.loc.pages
		if st.loc.volume == "" {
			pages = "" // "Harper & Row, 1974–1978": years read as pages
		}
		w.Year = fallbackYear(rest, pages)
	}
	w.Volume = strings.TrimSpace(st.loc.volume)
	w.Issue = strings.TrimSpace(st.loc.issue)
	w.Pages = st.loc.pages
	w.Type = st.workType(rest)
}

// lazyRegexp compiles pattern on first use. For the costly patterns off
// the path of fixed-shape references: compiled at start-up, they took most
// of the package's 25 ms of initialisation (letter classes repeated, as in
// scopusFamilyOld's, cost the most), which a Web of Science export never
// needs.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}

var (
	// A year right after the authors: "(2020).", "(2004, May).", "(n.d.).",
	// "2012. ", "2018: ", "[2020]", and as text from a PDF may have lost a
	// bracket: "(2020. ", "2020). ".
	leadingYear = regexp.MustCompile(`^(?:\((\d{4})[a-z]?(?:[,/–-][^)]{0,40})?\)|\(n\.\s?d\.\)|\[(\d{4})\]|(\d{4})[a-z]?[.,:](?:\s|$)|\((\d{4})[a-z]?[.,](?:\s|$)|(\d{4})[a-z]?\))[.,:]?\s*`)
	// A title before the year when there are no authors (APA): "Index. (1970).",
	// "Kenya. (n.d.).".
	titleBeforeYear = lazyRegexp(`^(.{1,300}?[.?!])\s*\((?:(\d{4})[a-z]?(?:,[^)]{0,30})?|n\.\s?d\.)\)\.?(?:\s|$)`)
	// The year between title and source (Scopus): "Title (2020) Source, 15 (3), pp. 1-10".
	midYear = lazyRegexp(`^(.{8,400}?)\s\((\d{4})[a-z]?\)\s+(?:\p{Lu})`)
	// GB/T 7714 type markers: "[J]", "[M]", "[EB/OL]", "[J/OL]".
	typeMarker = regexp.MustCompile(`\[(A|C|CM|CP|D|DB|DS|EB|G|J|M|N|P|PP|R|S|Z)(?:/(?:OL|CD|MT|DK|K))?\]`)
	// A year for the fallback: "(2020)", an ISO date.
	parenYear = regexp.MustCompile(`\((\d{4})[a-z]?\)|\b(\d{4})-\d{1,2}-\d{1,2}\b`)
	// Where a locator written with keywords starts inside a container.
	containerLocator = regexp.MustCompile(`,?\s+(?:[Vv]ol|[Nn]o|pp|[Ii]ssue)\.?\s*\d`)
)

// takeLeadingYear reads a year written right after the authors.
func (st *refState) takeLeadingYear(s string) string {
	if s == "" || !(s[0] == '(' || s[0] == '[' || s[0] >= '1' && s[0] <= '2') {
		return s
	}
	m := leadingYear.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	if startsWithYearAt(s[m[1]:]) {
		// "Simpson, Sir James Young (1811–1870). (2018).": a life's
		// years, then the year of the work.
		s = s[m[1]:]
		m = leadingYear.FindStringSubmatchIndex(s)
		if m == nil {
			return s
		}
	}
	for g := 1; 2*g < len(m); g++ {
		if m[2*g] >= 0 {
			if y := s[m[2*g]:m[2*g+1]]; IsYear(y) && st.w.Year == 0 {
				st.w.Year, _ = strconv.Atoi(y)
			}
		}
	}
	return s[m[1]:]
}

// takeTitleBeforeYear reads "Title. (Year)." when there are no authors,
// as APA writes a work without them. An organisation in that place is
// the author: "OECD. (2019).".
func (st *refState) takeTitleBeforeYear(s string) string {
	if !strings.Contains(s, "(") {
		return s
	}
	m := titleBeforeYear().FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	head := s[m[2]:m[3]]
	if st.w.Year == 0 && m[4] >= 0 {
		st.w.Year, _ = strconv.Atoi(s[m[4]:m[5]])
	}
	if n, ok := headAuthor(head); ok {
		st.w.Authors = append(st.w.Authors, n)
	} else {
		st.w.Title = cleanTitle(head)
	}
	return trimLeadPunct(s[m[1]:])
}

// headAuthor decides whether what APA puts before the year of a work
// without a parsed author list is an author after all: one capitalised
// word that is not a section heading ("Konrath."), a short acronym
// ("OECD."), or an organisation ("American Psychological Association.").
func headAuthor(head string) (bib.Name, bool) {
	bare := strings.TrimRight(head, ".")
	if bare == "" {
		return bib.Name{}, false
	}
	if !strings.Contains(bare, " ") {
		switch {
		case sectionWords[strings.ToLower(bare)]:
			return bib.Name{}, false
		case isAcronym(bare) && len(bare) <= 6:
			return bib.Name{Literal: bare}, true
		case isNameWord(bare) && !allCaps(bare):
			return bib.Name{Family: bare}, true
		}
		return bib.Name{}, false
	}
	var buf [16]nameTok
	p := nameParser{toks: tokenizeNames(head, buf[:0])}
	if p.isCorporate(0) {
		if n, next, ok := p.corporate(0); ok && next == len(p.toks) {
			return n, true
		}
	}
	return bib.Name{}, false
}

// startsWithYearAt reports whether s starts with a year in brackets.
func startsWithYearAt(s string) bool {
	s = strings.TrimLeft(s, " ")
	return len(s) >= 5 && s[0] == '(' && IsYear(s[1:5])
}

// takeQuotedTitle reads a title in quotation marks at the start of s:
// `“Title,” Journal`, `"Title." Journal`.
func (st *refState) takeQuotedTitle(s string) string {
	if st.w.Title != "" || s == "" {
		return s
	}
	var close string
	switch {
	case strings.HasPrefix(s, "“"):
		close = "”"
	case strings.HasPrefix(s, "\""):
		close = "\""
	case strings.HasPrefix(s, "«"):
		close = "»"
	case strings.HasPrefix(s, "‘"):
		close = "’"
	case strings.HasPrefix(s, "„"):
		close = "“"
	default:
		return s
	}
	_, open := utf8.DecodeRuneInString(s)
	for from := open; from < len(s); {
		i := strings.Index(s[from:], close)
		if i < 0 {
			return s
		}
		i += from
		after := s[i+len(close):]
		inner := strings.TrimSpace(s[open:i])
		// The title is closed by a quote that follows a stop or comma, or
		// is followed by one: `aid,”`, `”.`, `” In`.
		if inner != "" && (strings.HasSuffix(inner, ",") || strings.HasSuffix(inner, ".") || strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!") ||
			after == "" || after[0] == ',' || after[0] == '.' || after[0] == ':' || after[0] == ';' || close != "’" && after[0] == ' ') {
			st.w.Title = cleanTitle(inner)
			return trimLeadPunct(after)
		}
		from = i + len(close)
	}
	return s
}

// takeTypeMarker reads a GB/T 7714 title with its type marker:
// "Title[J]. Journal, …", "Chapter[M]//Editor. Book. Place: Publisher, …".
func (st *refState) takeTypeMarker(s string) string {
	if st.w.Title != "" || !strings.Contains(s, "]") {
		return s
	}
	m := typeMarker.FindStringSubmatchIndex(s)
	if m == nil || m[0] == 0 {
		return s
	}
	st.marker = s[m[2]:m[3]]
	st.w.Title = cleanTitle(s[:m[0]])
	rest := strings.TrimLeft(s[m[1]:], " .")
	if strings.HasPrefix(rest, "//") {
		st.chapter = true
		rest = strings.TrimLeft(rest[2:], " ")
		// The editors of the book or proceedings: "Smith J, ed.", "张三, 主编."
		if ed := parseNameList(rest); ed.end > 0 {
			r := trimLeadPunct(rest[ed.end:])
			for _, lead := range []string{"eds.", "ed.", "eds", "ed", "主编", "编", "Hrsg."} {
				if strings.HasPrefix(r, lead) {
					r = trimLeadPunct(r[len(lead):])
					break
				}
			}
			rest = r
		}
	}
	return rest
}

// takeMidYear reads "Title (2020) Source, …" (Scopus's old style).
func (st *refState) takeMidYear(s string) string {
	if !strings.Contains(s, ") ") {
		return s
	}
	m := midYear().FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	if after := strings.TrimRight(s[m[5]+2:], ". "); isLocatorNumber(after) || IsRoman(after) {
		// Not a source but the page after Elsevier's year: "Otolaryngology 135
		// (2006) P29.", "Powder Technology 140 (2004) II.".
		return s
	}
	st.w.Year, _ = strconv.Atoi(s[m[4]:m[5]])
	st.w.Title = cleanTitle(s[m[2]:m[3]])
	// m[1] is past the first letter of the source.
	i := m[5] + 1
	return strings.TrimLeft(s[i:], " ")
}

// trimEditorMarks drops what may follow an editors' list: "(Eds.).".
func trimEditorMarks(s string) string {
	for n := 0; n < 2 && s != ""; n++ {
		word, _, _ := strings.Cut(s, " ")
		if !IsEditorWord(word) {
			break
		}
		s = trimLeadPunct(s[len(word):])
	}
	return s
}

// trimLeadPunct drops the punctuation and spaces that separate two parts.
func trimLeadPunct(s string) string { return strings.TrimLeft(s, " .,;:") }

// trimTrailingNoise drops "In press", "[Epub ahead of print]", "PMID:
// 123", a dangling "doi:" and the like from the end.
func trimTrailingNoise(s string) string {
	for n := 0; n < 3; n++ {
		t := strings.TrimRight(s, " .,;")
		// A number after an identifier label: "PMID: 123", "ISSN 1234-5678", "[12]".
		u := strings.TrimRight(t, "0123456789xX-")
		if len(u) < len(t) {
			switch {
			case strings.HasSuffix(u, "["):
				if strings.HasSuffix(t, "]") {
					u = u[:len(u)-1]
				}
			default:
				v := strings.TrimRight(u, " :")
				if i := lastWordStart(v); hasNoiseLabel(v[i:]) {
					u = v[:i]
				} else {
					u = t
				}
			}
		}
		if len(u) < len(t) && len(u) > 0 {
			s = u
			continue
		}
		if i := epubStart(t); i > 0 {
			s = t[:i]
			continue
		}
		i := lastPhraseStart(t)
		if i <= 0 {
			break
		}
		s = t[:i]
	}
	return s
}

// epubStart returns where an "Epub 2020 Feb 1" note (PubMed) ending t
// starts, or -1.
func epubStart(t string) int {
	from := tailStart(t, 32)
	i := strings.LastIndex(t[from:], "Epub ")
	if i < 0 {
		return -1
	}
	i += from
	for _, c := range t[i+len("Epub "):] {
		if !(c == ' ' || c == '.' || c >= '0' && c <= '9' || c < utf8.RuneSelf && isASCIILetter(byte(c))) {
			return -1
		}
	}
	return i
}

// noisePhrases end a reference without being part of it (lower case).
var noisePhrases = []string{
	"[epub ahead of print]", "(epub ahead of print)", "epub ahead of print", "[in press]", "(in press)", "in press",
	"(forthcoming)", "forthcoming", "(online first)", "online first", "[pdf]", "(pdf)", "pdf", "[online]", "doi:", "doi", "/",
}

// lastPhraseStart returns where a noise phrase ending t starts, or -1.
func lastPhraseStart(t string) int {
	tail := t[tailStart(t, 24):]
	var low [24]byte
	n := copy(low[:], tail)
	for i := 0; i < n; i++ {
		if c := low[i]; c >= 'A' && c <= 'Z' {
			low[i] = c + 'a' - 'A'
		}
	}
	lt := string(low[:n])
	for _, p := range noisePhrases {
		if strings.HasSuffix(lt, p) {
			i := len(t) - len(p)
			if i == 0 || p == "/" || !isASCIILetter(t[i-1]) {
				return i
			}
		}
	}
	return -1
}

func lastWordStart(s string) int { return strings.LastIndexAny(s, " ([") + 1 }

// hasNoiseLabel reports whether w labels an identifier that ends a
// reference: "PMID", "PMCID: PMC", "ISSN", "ISBN".
func hasNoiseLabel(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ":")) {
	case "pmid", "pmcid", "pmc", "issn", "isbn", "eissn", "pii":
		return true
	}
	return false
}

// tailStart returns the offset of the last n bytes of s, moved forward to
// a rune boundary.
func tailStart(s string, n int) int {
	if len(s) <= n {
		return 0
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// fallbackYear finds a year anywhere: in brackets, in an ISO date, or the
// last that stands alone and is no end of pages (lastYear).
func fallbackYear(s, pages string) int {
	if m := parenYear.FindStringSubmatch(s); m != nil {
		y := m[1] + m[2]
		if IsYear(y) {
			n, _ := strconv.Atoi(y)
			return n
		}
	}
	return lastYear(s, pages)
}

// containerLocatorStart returns where a keyword locator starts inside a
// container ("Journal of the ACM, Vol. 43, No. 2"), or -1.
func containerLocatorStart(c string) int {
	if c == "" || !strings.ContainsAny(c, "0123456789") {
		return -1
	}
	if loc := containerLocator.FindStringIndex(c); loc != nil {
		return loc[0]
	}
	return -1
}

// IsConference reports whether a container is a conference's proceedings
// rather than a journal ("Proceedings of the National Academy of
// Sciences" is a journal).
func IsConference(c string) bool {
	return c != "" && mayName(c, conferenceStems) && conferenceWords.MatchString(c) &&
		!proceedingsJournals.MatchString(c) && !strings.Contains(c, "Journal") && !strings.Contains(c, "journal")
}

// Stems that a text must hold before the costlier patterns are tried.
var (
	thesisStems     = []string{"hesis", "HESIS", "issertation", "ISSERTATION", "octoral", "Diss", "iss.", "论文"}
	reportStems     = []string{"eport", "EPORT", "aper", "APER", "Rep.", "rep.", "emorandum"}
	conferenceStems = []string{"roceed", "ROCEED", "onferen", "ONFEREN", "ymposi", "YMPOSI", "orkshop", "ORKSHOP",
		"ongress", "ONGRESS", "olloqui", "eeting", "EETING", "ummit", "roc.", "onf.", "ymp.", "会议", "论文集"}
)

// mayName reports whether s holds one of the stems.
func mayName(s string, stems []string) bool {
	for _, st := range stems {
		if strings.Contains(s, st) {
			return true
		}
	}
	return false
}

// gbtTypes maps GB/T 7714 type markers to CSL types.
var gbtTypes = map[string]string{
	"J": "article-journal", "M": "book", "C": "paper-conference", "N": "article-newspaper",
	"D": "thesis", "R": "report", "S": "standard", "P": "patent", "EB": "webpage", "DB": "dataset",
	"CP": "software", "Z": "document", "G": "book", "A": "document", "CM": "map", "DS": "dataset",
	"PP": "article",
}

// workType decides the CSL type from what was found.
func (st *refState) workType(rest string) string {
	w := st.w
	if t, ok := gbtTypes[st.marker]; ok {
		if st.marker == "M" && st.chapter {
			return "chapter"
		}
		return t
	}
	text := rest
	if w.Container != "" || w.Publisher != "" {
		text = w.Container + " " + w.Publisher + " " + rest
	}
	journal := st.loc.journal
	conference := IsConference(w.Container)
	switch {
	case mayName(text, thesisStems) && ThesisWords.MatchString(text):
		return "thesis"
	case !journal && mayName(text, reportStems) && ReportWords.MatchString(text):
		return "report"
	case st.web && w.Container == "" && !journal:
		return "webpage"
	case st.chapter && !conference:
		return "chapter"
	case conference:
		return "paper-conference"
	case w.Container != "" && (journal || w.Publisher == ""):
		return "article-journal"
	case w.Publisher != "" || w.Place != "":
		return "book"
	case w.URL != "" && w.Container == "":
		return "webpage"
	}
	return ""
}
