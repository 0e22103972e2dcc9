package train

import (
	"fmt"
	"io"
	"maps"
	"strconv"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// Scoring a parser that gives a bib.Work, not labels (the rules), on the
// labelled references: each field's value is found again in the
// reference's tokens and those tokens take its label (crfProjectWork), so
// that every parser is scored by the same token-level micro F1. A value the
// parser rewrote beyond recognition labels nothing, which counts against
// the parser; the DOI, URL, title, container and publisher are placed
// first, so a year or a number inside a title is not taken for the year or
// the volume.

// crfProjectWork labels the tokens of text with the fields of w.
func crfProjectWork(text string, toks []refparse.CRFTok, w *bib.Work) []refparse.CRFLabel {
	p := crfProjection{labels: make([]refparse.CRFLabel, len(toks))}
	for i := range toks {
		t := refparse.CRFTokText(text, toks, i)
		if !refparse.CRFIsMark(t) {
			p.words = append(p.words, i)
			p.texts = append(p.texts, t)
			p.keys = append(p.keys, crfProjectKey(t))
		}
	}
	p.placeDOI(w.DOI)
	p.place(w.URL, refparse.CRFURL, false)
	p.place(w.Title, refparse.CRFTitle, false)
	p.place(w.Container, refparse.CRFContainer, false)
	p.place(w.Publisher, refparse.CRFPublisher, false)
	p.place(w.Place, refparse.CRFLocation, false)
	if !p.place(w.Pages, refparse.CRFPages, true) {
		p.place("pp"+w.Pages, refparse.CRFPages, true) // "pp97–116", read as 97-116
	}
	p.place(w.Volume, refparse.CRFVolume, false)
	p.place(w.Issue, refparse.CRFIssue, false)
	if w.Year != 0 {
		p.placeYear(strconv.Itoa(w.Year))
	}
	p.placeAuthors(w.Authors)
	// The marks between two words of one field are the field's.
	for k := 0; k+1 < len(p.words); k++ {
		a, b := p.words[k], p.words[k+1]
		if l := p.labels[a]; l != refparse.CRFOther && p.labels[b] == l {
			for i := a + 1; i < b; i++ {
				p.labels[i] = l
			}
		}
	}
	return p.labels
}

type crfProjection struct {
	words  []int    // the tokens that are words
	texts  []string // their text
	keys   []string // their compared forms
	labels []refparse.CRFLabel
}

// crfProjectKey is a word's compared form: lower case, full-width folded,
// without the dots, hyphens and wave dashes that parsers drop or add.
func crfProjectKey(s string) string {
	s = strings.ToLower(refparse.NormalizeFullWidth(s))
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '-' || r == '‐' || r == '‑' || r == '–' || r == '—' || r == '~' || r == '〜' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// crfValueKeys returns the compared forms of a value's words.
func crfValueKeys(v string) []string {
	v = refparse.NormalizeFullWidth(v)
	var out []string
	for _, t := range refparse.CRFTokenize(v, nil) {
		if s := v[t.Start:t.End]; !refparse.CRFIsMark(s) {
			if k := crfProjectKey(s); k != "" {
				out = append(out, k)
			}
		}
	}
	return out
}

// place labels the first free run of words that matches the value's words
// in order, when it holds at least half of them, and reports whether it
// did. With extendRange (pages),
// the words of a range written shorter than the value ("371–82") follow
// the first page.
func (p *crfProjection) place(value string, l refparse.CRFLabel, extendRange bool) bool {
	want := crfValueKeys(value)
	if len(want) == 0 {
		return false
	}
	bestAt, bestLen := -1, 0
	for k := range p.words {
		n := 0
		for n < len(want) && k+n < len(p.words) && p.labels[p.words[k+n]] == refparse.CRFOther && p.keys[k+n] == want[n] {
			n++
		}
		if n > bestLen {
			bestAt, bestLen = k, n
			if n == len(want) {
				break
			}
		}
	}
	if bestLen < len(want) {
		if at, n := p.matchJoined(strings.Join(want, "")); n > 0 {
			bestAt, bestLen, want = at, n, nil
		}
	}
	if bestAt < 0 || 2*bestLen < len(want) {
		return false
	}
	end := bestAt + bestLen
	if extendRange && bestLen < len(want) && end < len(p.words) && p.labels[p.words[end]] == refparse.CRFOther &&
		p.words[end] <= p.words[end-1]+2 && crfAllDigits(p.keys[end]) {
		end++
	}
	for k := bestAt; k < end; k++ {
		p.labels[p.words[k]] = l
	}
	return true
}

// matchJoined finds the first run of free words whose compared forms,
// joined, are the value's joined: a value the parser wrote with other
// spaces than the reference ("731–741" of "731– 741", "40p" of "40 p",
// "10.1073/pnas.1018514108" of "10 . 1073 / pnas . 1018514108").
// It returns where the run starts and its length, 0 when there is none.
func (p *crfProjection) matchJoined(want string) (at, n int) {
	want = strings.ReplaceAll(want, "/", "") // a mark between words ("10 . 1073 / pnas")
	for k := range p.words {
		joined := ""
		for j := k; j < len(p.words) && p.labels[p.words[j]] == refparse.CRFOther; j++ {
			joined += strings.ReplaceAll(p.keys[j], "/", "")
			if joined == want {
				return k, j - k + 1
			}
			if !strings.HasPrefix(want, joined) {
				break
			}
		}
	}
	return 0, 0
}

// placeDOI labels the free word that is the DOI, written with or without
// a resolver ("doi:10.1038/…", "https://doi.org/10.1038/…"): the parser
// gives it normalised.
func (p *crfProjection) placeDOI(doi string) {
	doi = bib.NormalizeDOI(doi)
	if doi == "" {
		return
	}
	for k, t := range p.texts {
		if p.labels[p.words[k]] == refparse.CRFOther && bib.NormalizeDOI(t) == doi {
			p.labels[p.words[k]] = refparse.CRFDOI
			return
		}
	}
	p.place(doi, refparse.CRFDOI, false)
}

// placeYear labels the free words that are the year ("2008", "2008a", a
// full date "2024-01-08"), and the rest of each date around them: a work
// keeps the year of a date alone, once, but the labelled references label
// every date, whole ("September 1990", "June 21, 1998", "1996, November
// 13"; the year of an author-date style and the date of issue after the
// journal: "Pilkington, M. 2006. … Geophysics 71 (2006): L35–L42", but
// not a date of access), so the month or season next to the year, and a
// day next to the month, that no field took are the date's.
func (p *crfProjection) placeYear(year string) {
	placed := false
	for k, key := range p.keys {
		if p.labels[p.words[k]] != refparse.CRFOther || !crfIsYearWord(p.texts[k], key, year) || placed && p.accessed(k) {
			continue
		}
		p.labels[p.words[k]] = refparse.CRFDate
		p.extendDate(k, -1)
		p.extendDate(k, +1)
		placed = true
	}
}

// accessed reports whether word k is in the date a web page was accessed
// ("accessed 20 January 2012", "Consulté le 7 février 2016"), which the
// labelled references label a note: an access word among the three words
// before it.
func (p *crfProjection) accessed(k int) bool {
	for j := max(k-3, 0); j < k; j++ {
		switch p.keys[j] {
		case "accessed", "retrieved", "consulted", "consulté", "viewed", "cited", "visited", "downloaded":
			return true
		}
	}
	return false
}

// crfIsYearWord reports whether a word (text and compared form) is the
// year: itself, with a letter ("2008a"), or a date of that year written
// with numbers ("2024-01-08", "2023-09").
func crfIsYearWord(text, key, year string) bool {
	if !strings.HasPrefix(key, year) {
		return false
	}
	switch rest := text[len(year):]; {
	case len(key) == len(year) || len(key) == len(year)+1:
		return true
	case len(rest) == 3 || len(rest) == 6:
		for i := 0; i < len(rest); i += 3 {
			if rest[i] != '-' || !crfAllDigits(rest[i+1:i+3]) {
				return false
			}
		}
		return true
	}
	return false
}

// extendDate labels as the date the free month names next to word k in
// direction dir, and a day written next to a month.
func (p *crfProjection) extendDate(k, dir int) {
	free := func(j int) bool { return j >= 0 && j < len(p.words) && p.labels[p.words[j]] == refparse.CRFOther }
	for j := k + dir; free(j); j += dir {
		switch {
		case crfIsMonthWord(p.keys[j]):
		case crfIsDayWord(p.keys[j]) && (crfIsMonthWord(p.keys[j-dir]) || free(j+dir) && crfIsMonthWord(p.keys[j+dir])):
		default:
			return
		}
		p.labels[p.words[j]] = refparse.CRFDate
	}
}

// crfIsMonthWord reports whether a compared form is a month's or season's
// name, or two of them ("july-august" compared as "julyaugust",
// "september/october").
func crfIsMonthWord(key string) bool {
	if a, b, ok := strings.Cut(key, "/"); ok {
		return crfIsMonthWord(a) && crfIsMonthWord(b)
	}
	if crfMonthNumber(key) > 0 || crfMonthNames[key] {
		return true
	}
	for i := 3; i < len(key)-2; i++ {
		if crfMonthNumber(key[:i]) > 0 && crfIsMonthWord(key[i:]) {
			return true
		}
	}
	return false
}

// crfMonthNames are the seasons, and the months in French, German,
// Spanish, Italian and Portuguese (crfMonthNumber has the English ones).
var crfMonthNames = func() map[string]bool {
	names := map[string]bool{}
	for _, m := range strings.Fields(`spring summer autumn fall winter
		janvier janv février févr mars avril avr mai juin juillet juil août septembre octobre novembre décembre déc
		januar februar märz juni juli oktober dezember
		enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
		gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
		janeiro fevereiro março maio junho julho setembro outubro novembro dezembro`) {
		names[m] = true
	}
	return names
}()

// crfIsDayWord reports whether a compared form is a day of the month or a
// range of two ("21", "1-5" compared as "15", "5-8").
func crfIsDayWord(key string) bool {
	return crfAllDigits(key) && len(key) <= 4
}

// placeAuthors labels the author list: from the first author's first free
// word to the words of the last author's name.
func (p *crfProjection) placeAuthors(names []bib.Name) {
	if len(names) == 0 {
		return
	}
	first, last := -1, -1
	from := 0
	for _, n := range names {
		keys := crfValueKeys(n.Family)
		if n.Literal != "" {
			keys = crfValueKeys(n.Literal)
		}
		if len(keys) == 0 {
			continue
		}
		// A name in Chinese characters is one word, family and given name
		// run together ("毕于运", read as 毕 and 于运).
		whole := ""
		if n.Literal == "" && n.Given != "" {
			whole = strings.Join(keys, "") + strings.Join(crfValueKeys(n.Given), "")
		}
		for k := from; k < len(p.keys); k++ {
			if p.labels[p.words[k]] != refparse.CRFOther {
				continue
			}
			if p.keys[k] == keys[0] || p.keys[k] == whole {
				if first < 0 {
					first = k
				}
				last = k + len(keys) - 1
				if p.keys[k] == whole {
					last = k
				}
				from = k + 1
				break
			}
		}
	}
	if first < 0 {
		return
	}
	// The given names or initials of the first author written before the
	// family name ("P. D. Alevizos"), of the last author after it, and
	// "et al.".
	given := crfGivenKeys(names[0].Given)
	for first > 0 && p.labels[p.words[first-1]] == refparse.CRFOther && given[p.keys[first-1]] {
		first--
	}
	given = crfGivenKeys(names[len(names)-1].Given)
	for last+1 < len(p.keys) && p.labels[p.words[last+1]] == refparse.CRFOther &&
		(given[p.keys[last+1]] || p.keys[last+1] == "et" || p.keys[last+1] == "al" || p.keys[last+1] == "等") {
		last++
	}
	for k := first; k <= last && k < len(p.words); k++ {
		if p.labels[p.words[k]] == refparse.CRFOther {
			p.labels[p.words[k]] = refparse.CRFAuthor
		}
	}
}

// crfGivenKeys are the compared forms of a given name's words and of
// their letters (the initials).
func crfGivenKeys(given string) map[string]bool {
	keys := map[string]bool{}
	for _, g := range crfValueKeys(given) {
		keys[g] = true
		for _, r := range g {
			keys[string(r)] = true
		}
	}
	return keys
}

// crfParserSet is a set of labelled references the parsers are compared on.
type crfParserSet struct {
	name     string
	examples []crfExample
}

// crfWriteParserComparison scores the three parsers on each set, by the
// projection of their works (words): the rules, the CRF and the default
// (hybrid) parser, with model m; and the CRF's own labels, for reference.
// Then it writes the default parser's tables per field (and per document
// type and style on the CSL renderings), and returns its micro F1 per set:
// the name of the set, or of the group of CSL styles ("gbt/heldout" …).
func crfWriteParserComparison(w io.Writer, m *refparse.CRFModel, sets []crfParserSet) map[string]float64 {
	fmt.Fprintln(w, "Parsers compared, token-level micro F1 over words of the fields each one's work puts back on the reference:")
	fmt.Fprintf(w, "  %-44s %6s %7s %7s %7s %11s\n", "set", "refs", "rules", "crf", "hybrid", "crf labels")
	sc := new(refparse.CRFScratch)
	project := func(read func(string) bib.Work) func(e *crfExample) []refparse.CRFLabel {
		return func(e *crfExample) []refparse.CRFLabel {
			work := read(e.text)
			return crfProjectWork(e.text, e.toks, &work)
		}
	}
	hybrid := project(func(s string) bib.Work { w, _ := refparse.ReadHybrid(m, s); return w })
	hybridWords := make([][]crfCounts, len(sets))
	for k, set := range sets {
		f := func(words []crfCounts) float64 {
			c := crfSumWhere(words, nil)
			_, _, f1 := c.micro()
			return f1
		}
		score := func(label func(e *crfExample) []refparse.CRFLabel) float64 {
			_, words := crfScoreEachWith(set.examples, label)
			return f(words)
		}
		rules := score(project(refparse.ParseReference))
		crf := score(project(func(s string) bib.Work { return refparse.ParseWithCRF(m, s) }))
		_, hybridWords[k] = crfScoreEachWith(set.examples, hybrid)
		labels := score(func(e *crfExample) []refparse.CRFLabel { return m.LabelReference(e.text, e.toks, sc) })
		fmt.Fprintf(w, "  %-44s %6d %7.4f %7.4f %7.4f %11.4f\n", set.name, len(set.examples), rules, crf, f(hybridWords[k]), labels)
	}
	fmt.Fprintln(w)
	scores := map[string]float64{}
	var csl []crfExample
	var cslWords []crfCounts
	for k, set := range sets {
		if _, ok := crfParseCSLCorpus(set.examples[0].corpus); ok {
			csl = append(csl, set.examples...)
			cslWords = append(cslWords, hybridWords[k]...)
			continue
		}
		c := crfSumWhere(hybridWords[k], nil)
		_, _, scores[set.name] = c.micro()
		c.write(w, "Default parser (hybrid), its work put back on the words, "+set.name)
		fmt.Fprintln(w)
	}
	maps.Copy(scores, crfWriteCSLGroups(w, "Default parser (hybrid), its work put back on the words, renderings by citeproc-js, ", csl, cslWords))
	return scores
}

// crfAllDigits reports whether s is digits only.
func crfAllDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
