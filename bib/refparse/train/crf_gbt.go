package train

import (
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// GB/T 7714 training sequences rendered from real records.
//
// Little labelled Chinese data exists (the GROBID corpus holds 87
// references written in Chinese, AnyStyle's sets a handful), and none of
// it is in the style of Chinese journals' reference lists, GB/T 7714. So
// the labelled references are read back into records (their fields, as
// labelled by the AnyStyle and GROBID projects) and each record is written
// again in the patterns the standard gives (see the project's
// reference-styles notes):
//
//	journal     Author1, Author2, Author3, et al. Title[J]. Journal, Year, Volume(Issue): Pages.
//	            … Journal, Year(Issue): Pages.   … Journal, Year, (Issue): Pages.
//	book        Author. Title[M]. Place: Publisher, Year: Pages.
//	chapter     Author. Chapter[M]//Editor. Book. Place: Publisher, Year: Pages.
//	proceedings Author. Title[C]//Proceedings. Place: Publisher, Year: Pages.
//	thesis      Author. Title[D]. Place: University, Year.
//	report      Author. Title[R]. Place: Publisher, Year.
//	newspaper   Author. Title[N]. Paper, Year-Month-Day(Page).
//	web page    Author. Title[EB/OL]. (Year)[Accessed]. URL.
//
// with and without the type markers (Chinese journals often drop them),
// in the numeric system and the author-year system ("Author, Year.
// Title[J]. Journal, Volume(Issue): Pages."), with ASCII or full-width
// punctuation, names written as the standard writes them (family name and
// initials without stops, "Ruffini P B"; Chinese names whole; at most three
// names, then "et al." or 等), with or without a "[n]" number. The fields
// are the records' own; what the standard needs and the record lacks is
// not invented, the pattern is skipped (no web page without a URL, no
// newspaper without a full date), with one exception: a web page's access
// date, which belongs to the citing act and not to the record, is a date
// drawn after the record's year. The renderings are generated text: they
// are kept apart from the real references (crfDataset.gbt) and reported
// apart; each falls in the split of the reference it was read from,
// so no rendering of a held-out reference is trained on.

// crfRand is a small deterministic generator (splitmix64).
type crfRand uint64

// crfRandOf returns the generator seeded with the FNV-1a hash of s.
func crfRandOf(s string) crfRand {
	h := fnv.New64a()
	io.WriteString(h, s)
	return crfRand(h.Sum64())
}

func (r *crfRand) next() uint64 {
	*r += 0x9e3779b97f4a7c15
	z := uint64(*r)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// chance returns true with probability p.
func (r *crfRand) chance(p float64) bool { return float64(r.next()>>11)/(1<<53) < p }

func (r *crfRand) intn(n int) int { return int(r.next() % uint64(n)) }

// crfRecord is a reference read back from its labels.
type crfRecord struct {
	bib.Work
	names []string // the authors as GB/T 7714 writes them
	etAl  bool
	month int // a full date's month and day, if given
	day   int
	cjk   bool // written in Chinese
	split crfSplit
	src   string
}

// crfRecordOf reads the record of a labelled reference.
func crfRecordOf(e *crfExample) (crfRecord, bool) {
	rec := crfRecord{Work: refparse.CRFWork(e.text, e.toks, e.labels), split: e.split, src: e.text}
	w := &rec.Work
	if w.Title == "" || w.Year == 0 {
		return rec, false
	}
	rec.cjk = bib.HasHan(w.Title) && !crfHasKanaHangul(e.text)
	if crfHasKanaHangul(e.text) {
		return rec, false
	}
	if a, b, ok := refparse.CRFFieldSpan(e.text, e.toks, e.labels, refparse.CRFAuthor); ok {
		raw := refparse.CRFSpanText(e.text, e.toks, a, b)
		rec.etAl = strings.Contains(raw, "et al") || strings.Contains(raw, "等")
		if bib.HasHan(raw) {
			for _, p := range strings.FieldsFunc(raw, func(r rune) bool {
				return strings.ContainsRune(",，、;；/.．", r)
			}) {
				p = strings.TrimSpace(p)
				if p == "等" || p == "" {
					continue
				}
				if !refparse.IsCJKName(strings.ReplaceAll(p, " ", "")) {
					return rec, false
				}
				rec.names = append(rec.names, strings.ReplaceAll(p, " ", ""))
			}
		} else {
			for _, n := range w.Authors {
				if s := crfGBTName(n); s != "" {
					rec.names = append(rec.names, s)
				}
			}
		}
	}
	if len(rec.names) == 0 {
		return rec, false
	}
	if a, b, ok := refparse.CRFFieldSpan(e.text, e.toks, e.labels, refparse.CRFDate); ok {
		rec.month, rec.day = crfMonthDay(refparse.CRFSpanText(e.text, e.toks, a, b))
	}
	return rec, true
}

// crfGBTName writes a name as GB/T 7714 does: "Ruffini P B", "Godard J-L".
func crfGBTName(n bib.Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	fam := strings.TrimSpace(strings.TrimRight(n.Family, "."))
	if fam == "" || strings.ContainsAny(fam, "0123456789") {
		return ""
	}
	if ini := crfInitials(n.Given, false, " "); ini != "" {
		return fam + " " + ini
	}
	return fam
}

func crfHasKanaHangul(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

// crfMonthDay reads the month and day of a full date: "2000-11-20",
// "September 5, 2004", "5 Sept. 2004", "2020年1月3日".
func crfMonthDay(d string) (int, int) {
	f := strings.FieldsFunc(d, func(r rune) bool {
		return r == ' ' || r == ',' || r == '.' || r == '-' || r == '/' || r == '年' || r == '月' || r == '日'
	})
	month, day := 0, 0
	var nums []int
	for _, w := range f {
		if n, err := strconv.Atoi(w); err == nil {
			if !refparse.IsYear(w) {
				nums = append(nums, n)
			}
			continue
		}
		if m := crfMonthNumber(strings.ToLower(w)); m > 0 {
			month = m
		}
	}
	switch {
	case month > 0 && len(nums) == 1:
		day = nums[0]
	case month == 0 && len(nums) == 2:
		month, day = nums[0], nums[1]
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return 0, 0
	}
	return month, day
}

func crfMonthNumber(w string) int {
	for i, names := range [][]string{{"jan", "january"}, {"feb", "february"}, {"mar", "march"}, {"apr", "april"}, {"may"},
		{"jun", "june"}, {"jul", "july"}, {"aug", "august"}, {"sep", "sept", "september"}, {"oct", "october"},
		{"nov", "november"}, {"dec", "december"}} {
		for _, n := range names {
			if w == n {
				return i + 1
			}
		}
	}
	return 0
}

// crfGBTStyle is how one rendering is written.
type crfGBTStyle struct {
	marker    bool // type markers [J], [M] …
	full      bool // full-width punctuation
	authorYr  bool // author-year system
	upper     bool // family names in capitals
	number    int  // 0: none, 1: "[n] ", 2: "n. "
	issueOnly int  // journal without volume: 0 "Year(Issue)", 1 "Year, (Issue)"
}

// String names the style's variant: "m" markers, "f" full-width, "a"
// author-year ("-" for each absent).
func (s crfGBTStyle) String() string {
	b := []byte("---")
	if s.marker {
		b[0] = 'm'
	}
	if s.full {
		b[1] = 'f'
	}
	if s.authorYr {
		b[2] = 'a'
	}
	return string(b)
}

// crfSpanBuilder writes a generated reference and the spans of its
// fields.
type crfSpanBuilder struct {
	b     strings.Builder
	spans []crfSpan
}

// put writes s as a field labelled l (other: as no field).
func (g *crfSpanBuilder) put(s string, l refparse.CRFLabel) {
	start := g.b.Len()
	g.b.WriteString(s)
	if l != refparse.CRFOther && s != "" {
		g.spans = append(g.spans, crfSpan{start, g.b.Len(), l})
	}
}

// crfGBTBuilder writes a GB/T 7714 rendering and its spans.
type crfGBTBuilder struct {
	crfSpanBuilder
	style crfGBTStyle
}

// mark writes a punctuation mark in the style's width: ". ", ", ", ": ",
// "(", ")".
func (g *crfGBTBuilder) mark(m string) {
	if !g.style.full {
		switch m {
		case ".", ",", ":", ";":
			g.b.WriteString(m + " ")
		default:
			g.b.WriteString(m)
		}
		return
	}
	switch m {
	case ".":
		g.b.WriteString("．")
	case ",":
		g.b.WriteString("，")
	case ":":
		g.b.WriteString("：")
	case ";":
		g.b.WriteString("；")
	case "(":
		g.b.WriteString("（")
	case ")":
		g.b.WriteString("）")
	default:
		g.b.WriteString(m)
	}
}

// end closes the reference with a stop.
func (g *crfGBTBuilder) end() string {
	s := strings.TrimRight(g.b.String(), " ")
	if g.style.full {
		return s + "．"
	}
	return s + "."
}

// crfRenderGBT writes a record in GB/T 7714. kind is one of "J", "M", "C",
// "chapter", "D", "R", "N", "EB"; ok is false when the record lacks what
// the pattern needs.
func crfRenderGBT(rec *crfRecord, kind string, style crfGBTStyle, n int, rnd *crfRand) (string, []crfSpan, bool) {
	w := &rec.Work
	g := &crfGBTBuilder{style: style}
	switch style.number {
	case 1:
		g.put("["+strconv.Itoa(n)+"]", refparse.CRFCitNum)
		g.b.WriteString(" ")
	case 2:
		g.put(strconv.Itoa(n), refparse.CRFCitNum)
		g.b.WriteString(". ")
	}
	// Authors: at most three, then et al. / 等.
	names := rec.names
	etAl := rec.etAl || len(names) > 3
	if len(names) > 3 {
		names = names[:3]
	}
	var ab strings.Builder
	for i, s := range names {
		if i > 0 {
			if style.full {
				ab.WriteString("，")
			} else {
				ab.WriteString(", ")
			}
		}
		if style.upper && !rec.cjk {
			fam, ini, _ := strings.Cut(s, " ")
			s = strings.ToUpper(fam)
			if ini != "" {
				s += " " + ini
			}
		}
		ab.WriteString(s)
	}
	if etAl {
		sep := ", "
		if style.full {
			sep = "，"
		}
		if rec.cjk {
			ab.WriteString(sep + "等")
		} else {
			ab.WriteString(sep + "et al")
		}
	}
	g.put(ab.String(), refparse.CRFAuthor)
	year := strconv.Itoa(w.Year)
	if style.authorYr {
		g.mark(",")
		g.put(year, refparse.CRFDate)
	}
	g.mark(".")
	g.put(w.Title, refparse.CRFTitle)
	marker := func(m string) {
		if style.marker {
			g.b.WriteString("[")
			g.put(m, refparse.CRFGenre)
			g.b.WriteString("]")
		}
	}
	// Place: Publisher, Year: Pages.
	imprint := func(needPublisher bool) bool {
		if w.Publisher == "" && needPublisher {
			return false
		}
		if w.Place != "" {
			g.put(w.Place, refparse.CRFLocation)
			g.mark(":")
		}
		if w.Publisher != "" {
			g.put(w.Publisher, refparse.CRFPublisher)
			if !style.authorYr {
				g.mark(",")
			}
		}
		if !style.authorYr {
			g.put(year, refparse.CRFDate)
		}
		if w.Pages != "" {
			g.mark(":")
			g.put(w.Pages, refparse.CRFPages)
		}
		return true
	}
	switch kind {
	case "J":
		if w.Container == "" {
			return "", nil, false
		}
		marker("J")
		g.mark(".")
		g.put(w.Container, refparse.CRFContainer)
		if !style.authorYr {
			g.mark(",")
			g.put(year, refparse.CRFDate)
		}
		switch {
		case w.Volume != "":
			g.mark(",")
			g.put(w.Volume, refparse.CRFVolume)
			if w.Issue != "" {
				g.mark("(")
				g.put(w.Issue, refparse.CRFIssue)
				g.mark(")")
			}
		case w.Issue != "":
			if style.issueOnly == 1 || style.authorYr {
				g.mark(",")
			}
			g.mark("(")
			g.put(w.Issue, refparse.CRFIssue)
			g.mark(")")
		}
		if w.Pages != "" {
			g.mark(":")
			g.put(w.Pages, refparse.CRFPages)
		}
	case "M", "D", "R":
		marker(kind)
		g.mark(".")
		if !imprint(true) {
			return "", nil, false
		}
	case "chapter", "C":
		if w.Container == "" || w.Publisher == "" {
			return "", nil, false
		}
		if kind == "C" {
			marker("C")
		} else {
			marker("M")
		}
		g.b.WriteString("//")
		g.put(w.Container, refparse.CRFContainer)
		g.mark(".")
		imprint(true)
	case "N":
		if w.Container == "" || rec.month == 0 {
			return "", nil, false
		}
		marker("N")
		g.mark(".")
		g.put(w.Container, refparse.CRFContainer)
		g.mark(",")
		g.put(year+"-"+crfTwo(rec.month)+"-"+crfTwo(rec.day), refparse.CRFDate)
		if w.Pages != "" {
			g.mark("(")
			g.put(w.Pages, refparse.CRFPages)
			g.mark(")")
		}
	case "EB":
		if w.URL == "" {
			return "", nil, false
		}
		if style.marker {
			g.b.WriteString("[")
			g.put("EB/OL", refparse.CRFGenre)
			g.b.WriteString("]")
		}
		g.mark(".")
		if !style.authorYr {
			g.mark("(")
			g.put(year, refparse.CRFDate)
			g.mark(")")
		}
		acc := w.Year + 1 + rnd.intn(6)
		g.b.WriteString("[")
		g.put(strconv.Itoa(acc)+"-"+crfTwo(1+rnd.intn(12))+"-"+crfTwo(1+rnd.intn(28)), refparse.CRFNote)
		g.b.WriteString("]")
		g.mark(".")
		g.put(w.URL, refparse.CRFURL)
	default:
		return "", nil, false
	}
	if w.DOI != "" && kind != "EB" && rnd.chance(0.5) {
		g.mark(".")
		g.b.WriteString("DOI")
		g.mark(":")
		g.put(w.DOI, refparse.CRFDOI)
	}
	return g.end(), g.spans, true
}

func crfTwo(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// crfGBTKinds returns the patterns a record fits, the most fitting first.
func crfGBTKinds(rec *crfRecord) []string {
	w := &rec.Work
	var kinds []string
	text := strings.ToLower(w.Title + " " + w.Publisher + " " + w.Container)
	switch {
	case w.Container != "" && w.Publisher != "":
		if refparse.IsConference(w.Container) {
			kinds = append(kinds, "C")
		} else {
			kinds = append(kinds, "chapter")
		}
	case w.Container != "":
		kinds = append(kinds, "J")
		if rec.month > 0 && w.Volume == "" {
			kinds = append(kinds, "N")
		}
	case w.Publisher != "":
		switch {
		case refparse.ThesisWords.MatchString(text) || strings.Contains(text, "thesis") || strings.Contains(text, "论文"):
			kinds = append(kinds, "D")
		case refparse.ReportWords.MatchString(w.Title + " " + w.Publisher):
			kinds = append(kinds, "R")
		default:
			kinds = append(kinds, "M")
		}
	}
	if w.URL != "" && w.Volume == "" {
		kinds = append(kinds, "EB")
	}
	return kinds
}

// crfGBTExamples renders records in GB/T 7714: each Chinese record
// perChinese times, each other record with probability share (and every
// held-out one once).
func crfGBTExamples(recs []crfRecord, perChinese int, share float64) []crfExample {
	var out []crfExample
	for k := range recs {
		rec := &recs[k]
		rnd := crfRandOf(rec.src)
		kinds := crfGBTKinds(rec)
		if len(kinds) == 0 {
			continue
		}
		times := perChinese
		if !rec.cjk {
			// Held-out records are all rendered, to test on.
			times = 0
			if rnd.chance(share) || rec.split == crfSplitTest {
				times = 1
			}
		}
		for v := 0; v < times; v++ {
			style := crfGBTStyle{
				marker:    rnd.chance(0.65),
				authorYr:  rnd.chance(0.15),
				issueOnly: rnd.intn(2),
			}
			if rec.cjk {
				style.full = rnd.chance(0.5)
			} else {
				style.full = rnd.chance(0.1)
				style.upper = rnd.chance(0.2)
			}
			switch r := rnd.intn(10); {
			case r < 2:
				style.number = 1
			case r < 3:
				style.number = 2
			}
			kind := kinds[v%len(kinds)]
			if !rec.cjk {
				kind = kinds[rnd.intn(len(kinds))]
			}
			text, spans, ok := crfRenderGBT(rec, kind, style, 1+rnd.intn(60), &rnd)
			if !ok {
				continue
			}
			e := crfNewExample(text, spans, "gbt7714-"+kind+"/"+style.String())
			e.split = rec.split
			out = append(out, e)
		}
	}
	return out
}
