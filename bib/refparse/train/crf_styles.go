package train

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// Training sequences in the common styles, rendered from real records.
//
// A labelled reference shows the model its fields in one style only. Each
// training record (crfRecordOf: the fields as the AnyStyle and GROBID
// projects labelled them) may be written again in one of six styles, in
// the patterns of their manuals (the APA Publication Manual, 7th edition;
// the Chicago Manual of Style's author-date system; the MLA Handbook, 9th
// edition; Harvard as in Cite Them Right; Vancouver as in the NLM's
// Citing Medicine; the IEEE Reference Guide), as a journal article, a book
// or a chapter, whichever the record's fields make it. The fields are the
// record's own and nothing is invented: a pattern whose field the record
// lacks is not rendered. The renderings are generated text, trained on and
// never scored; the held-out records are not rendered.

// crfStyle is one of the styles.
type crfStyle int

const (
	crfStyleAPA crfStyle = iota
	crfStyleChicago
	crfStyleMLA
	crfStyleHarvard
	crfStyleVancouver
	crfStyleIEEE
	crfNumStyles
)

var crfStyleNames = [crfNumStyles]string{"apa", "chicago", "mla", "harvard", "vancouver", "ieee"}

// crfInitials writes a given name as initials, each followed by a dot if
// dot is set and separated by sep (not after a hyphen): "Pierre-Bruno" →
// "P.-B." (dot, " "), "P-B" (GB/T 7714, Vancouver); "John Michael" →
// "J. M.", "J M" (GB/T 7714, sep " "), "JM" (Vancouver, sep ""); "JM" and
// "J.M." are initials already.
func crfInitials(given string, dot bool, sep string) string {
	var b strings.Builder
	initial := func(r rune) {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteString(sep)
		}
		b.WriteRune(unicode.ToUpper(r))
		if dot {
			b.WriteByte('.')
		}
	}
	for _, part := range strings.FieldsFunc(given, func(r rune) bool { return r == ' ' || r == '.' }) {
		first, _ := utf8.DecodeRuneInString(part)
		for k, piece := range strings.FieldsFunc(part, isHyphen) {
			if k > 0 || isHyphen(first) {
				b.WriteByte('-') // "J.-S.": a hyphen after a dot
			}
			if utf8.RuneCountInString(piece) <= 3 && !strings.ContainsFunc(piece, func(r rune) bool { return !unicode.IsUpper(r) }) {
				for _, r := range piece { // "JM": initials already
					initial(r)
				}
				continue
			}
			r, _ := utf8.DecodeRuneInString(piece)
			initial(r)
		}
	}
	return b.String()
}

// isHyphen reports whether r is a hyphen: ASCII, U+2010 or the
// non-breaking U+2011.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// crfStyleName writes one author as the style does; first tells the first
// author (Chicago and MLA invert only the first).
func crfStyleName(n bib.Name, st crfStyle, first bool) string {
	if n.Literal != "" || n.Given == "" {
		return n.String()
	}
	switch st {
	case crfStyleAPA, crfStyleHarvard:
		return n.Family + ", " + crfInitials(n.Given, true, " ")
	case crfStyleVancouver:
		return n.Family + " " + crfInitials(n.Given, false, "")
	case crfStyleIEEE:
		return crfInitials(n.Given, true, " ") + " " + n.Family
	}
	if first {
		return n.Family + ", " + n.Given
	}
	return n.Given + " " + n.Family
}

// crfStyleAuthors writes the author list as the style does.
func crfStyleAuthors(names []bib.Name, etAl bool, st crfStyle) string {
	limit := 6
	if st == crfStyleMLA && len(names) > 2 {
		limit = 1
	}
	if len(names) > limit {
		names, etAl = names[:limit], true
	}
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = crfStyleName(n, st, i == 0)
	}
	if etAl {
		if st == crfStyleVancouver || st == crfStyleIEEE || st == crfStyleMLA {
			return strings.Join(parts, ", ") + ", et al"
		}
		return strings.Join(parts, ", ") + " et al."
	}
	if len(parts) == 1 {
		return parts[0]
	}
	last := parts[len(parts)-1]
	head := strings.Join(parts[:len(parts)-1], ", ")
	switch st {
	case crfStyleVancouver:
		return head + ", " + last
	case crfStyleAPA:
		return head + ", & " + last
	case crfStyleHarvard:
		return head + " and " + last
	}
	if len(parts) == 2 && st == crfStyleIEEE {
		return head + " and " + last
	}
	return head + ", and " + last
}

// crfStyleBuilder writes a rendering in one of the styles and its spans.
type crfStyleBuilder struct{ crfSpanBuilder }

func (g *crfStyleBuilder) text(s string) { g.b.WriteString(s) }

// locators writes a volume and an issue, each after its lead (the
// issue's followed by issueEnd), as far as w has them.
func (g *crfStyleBuilder) locators(w *bib.Work, volumeLead, issueLead, issueEnd string) {
	if w.Volume != "" {
		g.text(volumeLead)
		g.put(w.Volume, refparse.CRFVolume)
	}
	if w.Issue != "" {
		g.text(issueLead)
		g.put(w.Issue, refparse.CRFIssue)
		g.text(issueEnd)
	}
}

// stop ends a sentence with a full stop unless it ends with one of its
// own ("?", "!", ".").
func (g *crfStyleBuilder) stop() {
	s := g.b.String()
	if s != "" && strings.ContainsAny(s[len(s)-1:], ".?!") {
		g.b.WriteString(" ")
		return
	}
	g.b.WriteString(". ")
}

// crfRenderStyle writes a record in a style, as the kind the record's
// fields make it ("article", "book" or "chapter"); ok is false when the
// record is none of them.
func crfRenderStyle(rec *crfRecord, st crfStyle, rnd *crfRand) (string, []crfSpan, string, bool) {
	w := &rec.Work
	var kind string
	switch {
	case w.Container != "" && w.Publisher == "":
		kind = "article"
	case w.Container == "" && w.Publisher != "":
		kind = "book"
	case w.Container != "" && w.Publisher != "":
		kind = "chapter"
	default:
		return "", nil, "", false
	}
	if len(w.Authors) == 0 {
		return "", nil, "", false
	}
	g := &crfStyleBuilder{}
	if st == crfStyleIEEE || st == crfStyleVancouver && rnd.chance(0.5) {
		n := strconv.Itoa(1 + rnd.intn(80))
		if st == crfStyleIEEE {
			g.text("[")
			g.put(n, refparse.CRFCitNum)
			g.text("] ")
		} else {
			g.put(n, refparse.CRFCitNum)
			g.text(". ")
		}
	}
	g.put(crfStyleAuthors(w.Authors, rec.etAl, st), refparse.CRFAuthor)
	year := strconv.Itoa(w.Year)
	quoted := kind != "book" && (st == crfStyleChicago || st == crfStyleMLA || st == crfStyleIEEE || st == crfStyleHarvard)
	title := func(end string) {
		if strings.ContainsAny(w.Title[len(w.Title)-1:], ".?!") {
			end = strings.TrimLeft(end, ".,")
		}
		switch {
		case quoted && st == crfStyleHarvard:
			g.text("‘")
			g.put(w.Title, refparse.CRFTitle)
			g.text("’" + end)
		case quoted:
			g.text("“")
			g.put(w.Title, refparse.CRFTitle)
			g.text(end + "” ")
		default:
			g.put(w.Title, refparse.CRFTitle)
			g.stop()
		}
	}
	// volume(issue), in the style's words.
	locators := func() {
		switch st {
		case crfStyleMLA, crfStyleIEEE:
			g.locators(w, ", vol. ", ", no. ", "")
		case crfStyleChicago:
			g.locators(w, " ", " (", ")")
		default:
			g.locators(w, ", ", "(", ")")
		}
	}
	imprint := func(withPlace bool) {
		if withPlace && w.Place != "" {
			g.put(w.Place, refparse.CRFLocation)
			g.text(": ")
		}
		g.put(w.Publisher, refparse.CRFPublisher)
	}
	pages := func(lead string) {
		if w.Pages != "" {
			g.text(lead)
			g.put(w.Pages, refparse.CRFPages)
		}
	}
	switch st {
	case crfStyleAPA, crfStyleHarvard:
		g.text(" (")
		g.put(year, refparse.CRFDate)
		if st == crfStyleAPA {
			g.text("). ")
		} else {
			g.text(") ")
		}
		switch kind {
		case "article":
			title(", ")
			g.put(w.Container, refparse.CRFContainer)
			locators()
			if st == crfStyleAPA {
				pages(", ")
			} else {
				pages(", pp. ")
			}
		case "book":
			title("")
			imprint(st == crfStyleHarvard)
		case "chapter":
			title(", ")
			g.text("In ")
			g.put(w.Container, refparse.CRFContainer)
			pages(" (pp. ")
			if w.Pages != "" {
				g.text(")")
			}
			g.text(". ")
			imprint(st == crfStyleHarvard)
		}
	case crfStyleChicago:
		g.stop()
		g.put(year, refparse.CRFDate)
		g.text(". ")
		switch kind {
		case "article":
			title(".")
			g.put(w.Container, refparse.CRFContainer)
			locators()
			pages(": ")
		case "book":
			title("")
			imprint(true)
		case "chapter":
			title(".")
			g.text("In ")
			g.put(w.Container, refparse.CRFContainer)
			pages(", ")
			g.text(". ")
			imprint(true)
		}
	case crfStyleMLA:
		g.stop()
		switch kind {
		case "article":
			title(".")
			g.put(w.Container, refparse.CRFContainer)
			locators()
			g.text(", ")
			g.put(year, refparse.CRFDate)
			pages(", pp. ")
		case "book":
			title("")
			imprint(false)
			g.text(", ")
			g.put(year, refparse.CRFDate)
		case "chapter":
			title(".")
			g.put(w.Container, refparse.CRFContainer)
			g.text(", ")
			imprint(false)
			g.text(", ")
			g.put(year, refparse.CRFDate)
			pages(", pp. ")
		}
	case crfStyleVancouver:
		g.stop()
		switch kind {
		case "article":
			title("")
			g.put(w.Container, refparse.CRFContainer)
			g.text(". ")
			g.put(year, refparse.CRFDate)
			if w.Volume != "" || w.Issue != "" {
				g.text(";")
				g.locators(w, "", "(", ")")
			}
			pages(":")
		case "book", "chapter":
			title("")
			if kind == "chapter" {
				g.text("In: ")
				g.put(w.Container, refparse.CRFContainer)
				g.text(". ")
			}
			imprint(true)
			g.text("; ")
			g.put(year, refparse.CRFDate)
			pages(". p. ")
		}
	case crfStyleIEEE:
		g.text(", ")
		switch kind {
		case "article":
			title(",")
			g.put(w.Container, refparse.CRFContainer)
			locators()
			pages(", pp. ")
			g.text(", ")
			g.put(year, refparse.CRFDate)
		case "book":
			g.put(w.Title, refparse.CRFTitle)
			g.text(". ")
			imprint(true)
			g.text(", ")
			g.put(year, refparse.CRFDate)
		case "chapter":
			title(",")
			g.text("in ")
			g.put(w.Container, refparse.CRFContainer)
			g.text(". ")
			imprint(true)
			g.text(", ")
			g.put(year, refparse.CRFDate)
			pages(", pp. ")
		}
	}
	end := g.stop
	if w.DOI != "" && kind == "article" && rnd.chance(0.5) {
		g.stop()
		if st == crfStyleAPA || st == crfStyleChicago || rnd.chance(0.5) {
			g.put("https://doi.org/"+w.DOI, refparse.CRFDOI)
			end = func() {} // a link takes no full stop
		} else {
			g.text("doi: ")
			g.put(w.DOI, refparse.CRFDOI)
		}
	}
	end()
	return strings.TrimSpace(g.b.String()), g.spans, kind, true
}

// crfStyleExamples renders the training and development records written
// in Latin letters, each with probability share, in a style drawn for it.
func crfStyleExamples(recs []crfRecord, share float64) []crfExample {
	var out []crfExample
	for k := range recs {
		rec := &recs[k]
		if rec.cjk || rec.split == crfSplitTest {
			continue
		}
		rnd := crfRandOf("style:" + rec.src)
		if !rnd.chance(share) {
			continue
		}
		st := crfStyle(rnd.intn(int(crfNumStyles)))
		text, spans, kind, ok := crfRenderStyle(rec, st, &rnd)
		if !ok {
			continue
		}
		e := crfNewExample(text, spans, "style-"+crfStyleNames[st]+"/"+kind)
		e.split = rec.split
		out = append(out, e)
	}
	return out
}
