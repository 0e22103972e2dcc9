package train

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// The labelled references the reference CRF learns from, and how their
// labels are brought to one convention.
//
// Two corpora (see testdata/README.md, section "refparse"):
//
//   - AnyStyle's core, good and ugly sets: <sequence> elements whose
//     children are the fields, trailing punctuation inside the tags, the
//     issue inside <volume> ("15(3)"), keywords inside the tags ("pp.").
//   - GROBID's citation corpus: TEI <bibl> elements with mixed content,
//     punctuation and keywords outside the tags, <biblScope unit="issue">.
//
// The corpora disagree on where a field starts and ends, so every
// reference is brought to one convention before it is learnt or scored
// (crfNormalizeLabels): a field runs from its first to its last word;
// punctuation at either end, and the keywords before a volume, issue or
// page number ("Vol.", "no.", "pp."), belong to no field; an issue
// written inside an AnyStyle <volume> ("15(3)", "9, no. 2") is labelled
// issue; two parts of one field separated only by punctuation (or, in an
// author list, "and") are one field.

// crfScoredLabels are the fields the accuracy is reported on.
var crfScoredLabels = []refparse.CRFLabel{refparse.CRFAuthor, refparse.CRFTitle, refparse.CRFContainer, refparse.CRFDate, refparse.CRFVolume, refparse.CRFIssue, refparse.CRFPages, refparse.CRFPublisher, refparse.CRFDOI, refparse.CRFURL}

// crfSpan is a labelled byte range of a reference.
type crfSpan struct {
	start, end int
	label      refparse.CRFLabel
}

// crfExample is one labelled reference: its text, tokens and the field of
// each token.
type crfExample struct {
	text   string
	toks   []refparse.CRFTok
	labels []refparse.CRFLabel
	corpus string // "anystyle-core", "grobid", "gbt7714" …
	split  crfSplit
}

// crfSplit says what an example is used for.
type crfSplit uint8

const (
	crfSplitTrain crfSplit = iota
	crfSplitDev            // tuning: part of the final training set
	crfSplitTest           // held out: never trained on
)

// crfSplitOf assigns a reference to a split by a hash of its letters and
// digits (lower-cased), so that the same reference written with other
// spacing or punctuation falls in the same split: one in ten is held out
// (three in ten of those written in Chinese characters), one in ten is
// the development set.
func crfSplitOf(text string) crfSplit {
	h := uint64(14695981039346656037)
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
			var b [4]byte
			n := utf8.EncodeRune(b[:], r)
			for _, c := range b[:n] {
				h ^= uint64(c)
				h *= 1099511628211
			}
		}
	}
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	test := uint64(1)
	if bib.HasHan(text) {
		// Few references are written in Chinese: three in ten are held out.
		test = 3
	}
	switch r := h % 10; {
	case r < test:
		return crfSplitTest
	case r == test:
		return crfSplitDev
	}
	return crfSplitTrain
}

// crfNewExample tokenizes a labelled reference and normalizes its labels.
func crfNewExample(text string, spans []crfSpan, corpus string) crfExample {
	toks := refparse.CRFTokenize(text, nil)
	labels := make([]refparse.CRFLabel, len(toks))
	spanOf := make([]int32, len(toks))
	k := 0
	for i, t := range toks {
		spanOf[i] = -1
		for k < len(spans) && spans[k].end <= int(t.Start) {
			k++
		}
		if k < len(spans) && spans[k].start <= int(t.Start) && int(t.Start) < spans[k].end {
			spanOf[i] = int32(k)
			labels[i] = spans[k].label
		}
	}
	crfNormalizeLabels(text, toks, spanOf, labels)
	return crfExample{text: text, toks: toks, labels: labels, corpus: corpus, split: crfSplitOf(text)}
}

// crfNormalizeLabels brings the labels to the convention described at the
// top of this file. spanOf is the source span of each token (-1 outside).
func crfNormalizeLabels(text string, toks []refparse.CRFTok, spanOf []int32, labels []refparse.CRFLabel) {
	n := len(toks)
	tok := func(i int) string { return refparse.CRFTokText(text, toks, i) }
	low := func(i int) string { return strings.ToLower(tok(i)) }
	// An issue inside a volume: "15(3)", "9, no. 2".
	for i := 0; i < n; i++ {
		if labels[i] != refparse.CRFVolume {
			continue
		}
		j := i
		for j < n && spanOf[j] == spanOf[i] && labels[j] == refparse.CRFVolume {
			j++
		}
		for k := i + 1; k < j; k++ {
			t := tok(k)
			switch {
			case t == "(" || t == "（":
				e := k + 1
				for e < j && tok(e) != ")" && tok(e) != "）" {
					e++
				}
				if e < j && e > k+1 && crfAllNumberish(text, toks, k+1, e) {
					labels[k], labels[e] = refparse.CRFOther, refparse.CRFOther
					for m := k + 1; m < e; m++ {
						labels[m] = refparse.CRFIssue
					}
					k = e
				}
			case refparse.CRFIsIssueKeyword(strings.ToLower(t)):
				e := k + 1
				for e < j && tok(e) == "." {
					e++
				}
				if e < j && crfAllNumberish(text, toks, e, e+1) {
					for m := k; m < e; m++ {
						labels[m] = refparse.CRFOther
					}
					labels[e] = refparse.CRFIssue
					k = e
				}
			}
		}
		i = j - 1
	}
	for i := 0; i < n; i++ {
		switch labels[i] {
		case refparse.CRFURL:
			// A DOI written as a link is the DOI (GROBID labels it a
			// pointer, AnyStyle a DOI).
			if l := low(i); strings.Contains(l, "doi.org/10.") {
				labels[i] = refparse.CRFDOI
			}
		case refparse.CRFVolume:
			// "2014;35": AnyStyle's Vancouver volumes start with the year.
			if (i == 0 || labels[i-1] != refparse.CRFVolume || spanOf[i-1] != spanOf[i]) && refparse.IsYear(tok(i)) && i+2 < n &&
				tok(i+1) == ";" && labels[i+1] == refparse.CRFVolume && labels[i+2] == refparse.CRFVolume {
				labels[i], labels[i+1] = refparse.CRFDate, refparse.CRFOther
			}
		}
	}
	// Runs: tokens of one source span and one label.
	sameRun := func(a, b int) bool { return spanOf[a] == spanOf[b] && labels[a] == labels[b] }
	for i := 0; i < n; {
		if labels[i] == refparse.CRFOther {
			i++
			continue
		}
		j := i + 1
		for j < n && sameRun(i, j) {
			j++
		}
		lab := labels[i]
		a, b := i, j // [a, b)
		for changed := true; changed && a < b; {
			changed = false
			// Keywords before locator numbers.
			if lab == refparse.CRFVolume || lab == refparse.CRFIssue || lab == refparse.CRFPages {
				if refparse.CRFIsLocatorKeyword(strings.TrimRight(low(a), ".")) && a+1 < b {
					labels[a] = refparse.CRFOther
					a++
					changed = true
					continue
				}
			}
			if (lab == refparse.CRFDOI || lab == refparse.CRFURL) && a+1 < b {
				// "doi: 10.1000/x", "URL: http://…": the label is no part.
				if l := strings.TrimSuffix(low(a), ":"); l == "doi" || l == "url" || refparse.CRFIsMark(l) {
					labels[a] = refparse.CRFOther
					a++
					changed = true
					continue
				}
			}
			if (lab == refparse.CRFContainer || lab == refparse.CRFEditor || lab == refparse.CRFCollection) && a+1 < b {
				// "In Proceedings …", "In: Smith J (ed.)": the lead is no part.
				if l := strings.TrimSuffix(low(a), ":"); l == "in" || l == "dans" || l == "en" || l == "im" {
					labels[a] = refparse.CRFOther
					a++
					changed = true
					continue
				}
			}
			if lab == refparse.CRFEditor && b-a >= 2 {
				// "Smith J (Ed.)", "Smith J, eds": the editor mark is no part.
				if refparse.IsEditorWord(tok(b - 1)) {
					labels[b-1] = refparse.CRFOther
					b--
					changed = true
					continue
				}
				if tok(b-1) == ")" {
					p := b - 2
					for p > a && tok(p) != "(" && (refparse.IsEditorWord(tok(p)) || tok(p) == ".") {
						p--
					}
					if p > a && tok(p) == "(" && p < b-2 {
						for k := p; k < b; k++ {
							labels[k] = refparse.CRFOther
						}
						b = p
						changed = true
						continue
					}
				}
			}
			if b-a >= 3 && crfEncloses(text, toks, a, b) {
				// "(1993)", "“Title.”": brackets around the whole field.
				labels[a], labels[b-1] = refparse.CRFOther, refparse.CRFOther
				a++
				b--
				changed = true
				continue
			}
			if t := tok(a); refparse.CRFIsMark(t) && !crfOpensInside(text, toks, a, b) {
				labels[a] = refparse.CRFOther
				a++
				changed = true
				continue
			}
			if t := tok(b - 1); refparse.CRFIsMark(t) && !crfClosesInside(text, toks, a, b-1) {
				labels[b-1] = refparse.CRFOther
				b--
				changed = true
			}
		}
		i = j
	}
	// One field split by punctuation (or "and" in an author list) is one
	// field.
	for i := 0; i < n; i++ {
		lab := labels[i]
		if lab == refparse.CRFOther || i+1 >= n || labels[i+1] != refparse.CRFOther {
			continue
		}
		j := i + 1
		for j < n && j-i <= 3 && labels[j] == refparse.CRFOther {
			t := tok(j)
			if !refparse.CRFIsMark(t) && !((lab == refparse.CRFAuthor || lab == refparse.CRFEditor) && refparse.IsConnector(t)) {
				break
			}
			if t == "(" || t == ")" || t == "[" || t == "]" || t == "“" || t == "”" || t == "\"" {
				break
			}
			j++
		}
		if j < n && j-i <= 3 && labels[j] == lab {
			for k := i + 1; k < j; k++ {
				labels[k] = lab
			}
		}
	}
}

// crfAllNumberish reports whether tokens [a, b) are numbers, ranges or
// "Suppl"-like words of an issue.
func crfAllNumberish(text string, toks []refparse.CRFTok, a, b int) bool {
	for k := a; k < b; k++ {
		t := refparse.CRFTokText(text, toks, k)
		if t == "-" || t == "/" || t == "," {
			continue
		}
		hasDigit := strings.IndexFunc(t, unicode.IsDigit) >= 0
		if !hasDigit && !refparse.IsRoman(t) && !strings.HasPrefix(strings.ToLower(t), "suppl") && !strings.HasPrefix(strings.ToLower(t), "spec") {
			return false
		}
	}
	return b > a
}

var crfCloser = map[string]string{")": "(", "]": "[", "”": "“", "’": "‘", "»": "«", "）": "（", "】": "【", "》": "《", "」": "「"}
var crfOpener = map[string]string{"(": ")", "[": "]", "“": "”", "‘": "’", "«": "»", "\"": "\"", "'": "'", "（": "）", "【": "】", "《": "》", "「": "」"}

// crfClosesInside reports whether token c closes a bracket opened inside
// [a, c).
func crfClosesInside(text string, toks []refparse.CRFTok, a, c int) bool {
	open, ok := crfCloser[refparse.CRFTokText(text, toks, c)]
	if !ok {
		return false
	}
	depth := 0
	for k := a; k < c; k++ {
		switch refparse.CRFTokText(text, toks, k) {
		case open:
			depth++
		case refparse.CRFTokText(text, toks, c):
			depth--
		}
	}
	return depth > 0
}

// crfEncloses reports whether token a opens a bracket or quotation that
// token b-1 closes.
func crfEncloses(text string, toks []refparse.CRFTok, a, b int) bool {
	open := refparse.CRFTokText(text, toks, a)
	closer, ok := crfOpener[open]
	if !ok || refparse.CRFTokText(text, toks, b-1) != closer {
		return false
	}
	if open == closer {
		return true
	}
	depth := 0
	for k := a; k < b-1; k++ {
		switch refparse.CRFTokText(text, toks, k) {
		case open:
			depth++
		case closer:
			depth--
			if depth == 0 {
				return false // "(a) b (c)"
			}
		}
	}
	return depth == 1
}

// crfOpensInside reports whether token a opens a bracket closed inside
// (a, b).
func crfOpensInside(text string, toks []refparse.CRFTok, a, b int) bool {
	closer, ok := crfOpener[refparse.CRFTokText(text, toks, a)]
	if !ok {
		return false
	}
	for k := a + 1; k < b; k++ {
		if refparse.CRFTokText(text, toks, k) == closer {
			return true
		}
	}
	return false
}

// crfTextBuilder builds a reference from pieces, one space for every run
// of white space, and records the labelled spans.
type crfTextBuilder struct {
	b     strings.Builder
	space bool
	spans []crfSpan
}

func (tb *crfTextBuilder) add(s string, label refparse.CRFLabel, labelled bool) {
	start := -1
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' {
			tb.space = true
			continue
		}
		if tb.space && tb.b.Len() > 0 {
			tb.b.WriteByte(' ')
		}
		tb.space = false
		if start < 0 {
			start = tb.b.Len()
		}
		tb.b.WriteRune(r)
	}
	if labelled && start >= 0 {
		end := tb.b.Len()
		if k := len(tb.spans) - 1; k >= 0 && tb.spans[k].label == label && tb.spans[k].end == start {
			tb.spans[k].end = end // one element's text in pieces
			return
		}
		tb.spans = append(tb.spans, crfSpan{start, end, label})
	}
}

// crfAnystyleLabels maps AnyStyle's tags to labels.
var crfAnystyleLabels = map[string]refparse.CRFLabel{
	"author": refparse.CRFAuthor, "editor": refparse.CRFEditor, "translator": refparse.CRFEditor, "director": refparse.CRFEditor, "producer": refparse.CRFEditor,
	"title": refparse.CRFTitle, "journal": refparse.CRFContainer, "container-title": refparse.CRFContainer, "collection-title": refparse.CRFCollection,
	"date": refparse.CRFDate, "volume": refparse.CRFVolume, "pages": refparse.CRFPages, "publisher": refparse.CRFPublisher, "location": refparse.CRFLocation,
	"doi": refparse.CRFDOI, "url": refparse.CRFURL, "genre": refparse.CRFGenre, "citation-number": refparse.CRFCitNum,
	"issue": refparse.CRFIssue, // not in AnyStyle's sets; used by this project's labelling of the seed list
	// note, edition, isbn, medium, source, dataset: notes.
}

// crfUntitledContainer relabels the container of an AnyStyle reference
// that has no title, volume or issue as its title: AnyStyle's ugly set tags
// many books <journal> or <container-title>. GROBID's level="j" is
// explicit and stays a container ("Phys. Rev. C 61 (2000) 024318").
func crfUntitledContainer(spans []crfSpan) {
	for _, sp := range spans {
		if sp.label == refparse.CRFTitle || sp.label == refparse.CRFVolume || sp.label == refparse.CRFIssue {
			return
		}
	}
	for k := range spans {
		if spans[k].label == refparse.CRFContainer {
			spans[k].label = refparse.CRFTitle
			return
		}
	}
}

// crfReadAnystyle reads an AnyStyle dataset: each <sequence>'s children
// joined by single spaces, as AnyStyle writes them back.
func crfReadAnystyle(r io.Reader, corpus string) ([]crfExample, error) {
	dec := xml.NewDecoder(r)
	var out []crfExample
	var tb *crfTextBuilder
	var field string
	var fieldText strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "sequence":
				tb = &crfTextBuilder{}
			case tb != nil && field == "":
				field = t.Name.Local
				fieldText.Reset()
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "sequence" && tb != nil:
				if text := tb.b.String(); text != "" {
					crfUntitledContainer(tb.spans)
					out = append(out, crfNewExample(text, tb.spans, corpus))
				}
				tb = nil
			case tb != nil && t.Name.Local == field:
				lab, ok := crfAnystyleLabels[field]
				if !ok {
					lab = refparse.CRFNote
				}
				if tb.b.Len() > 0 {
					tb.space = true
				}
				tb.add(strings.TrimSpace(fieldText.String()), lab, true)
				field = ""
			}
		case xml.CharData:
			if field != "" {
				fieldText.Write(t)
			}
		}
	}
	return out, nil
}

// crfGrobidLabel maps a GROBID TEI element to a label. hasArticle is
// whether the <bibl> holds an article title, which makes a monograph
// title the container.
func crfGrobidLabel(e xml.StartElement, hasArticle bool) refparse.CRFLabel {
	attr := func(name string) string {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return strings.ToLower(a.Value)
			}
		}
		return ""
	}
	switch strings.ToLower(e.Name.Local) {
	case "author", "authors":
		return refparse.CRFAuthor
	case "editor":
		return refparse.CRFEditor
	case "title":
		switch attr("level") {
		case "a":
			return refparse.CRFTitle
		case "j":
			return refparse.CRFContainer
		case "s":
			return refparse.CRFCollection
		}
		if hasArticle {
			return refparse.CRFContainer
		}
		return refparse.CRFTitle
	case "biblscope":
		u := attr("unit") + attr("type")
		switch {
		case strings.HasPrefix(u, "vol"):
			return refparse.CRFVolume
		case strings.HasPrefix(u, "issue"):
			return refparse.CRFIssue
		case strings.HasPrefix(u, "p"):
			return refparse.CRFPages
		}
		return refparse.CRFNote
	case "date", "year":
		return refparse.CRFDate
	case "publisher", "publishe":
		return refparse.CRFPublisher
	case "pubplace":
		return refparse.CRFLocation
	case "orgname":
		if attr("type") == "collaboration" {
			return refparse.CRFAuthor
		}
		return refparse.CRFPublisher
	case "idno":
		if attr("type") == "doi" {
			return refparse.CRFDOI
		}
		return refparse.CRFNote
	case "ptr":
		return refparse.CRFURL
	case "note":
		if attr("type") == "report" {
			return refparse.CRFGenre
		}
		return refparse.CRFNote
	}
	return refparse.CRFNote
}

// crfReadGrobid reads the <bibl> elements of a GROBID TEI file: the text
// outside the fields' elements is labelled other.
func crfReadGrobid(data []byte, corpus string) ([]crfExample, error) {
	// A first pass finds the <bibl> elements with an article title.
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	dec.Strict = false
	var hasArticle []bool
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "bibl" {
				hasArticle = append(hasArticle, false)
				depth++
			} else if depth > 0 && t.Name.Local == "title" {
				for _, a := range t.Attr {
					if a.Name.Local == "level" && a.Value == "a" {
						hasArticle[len(hasArticle)-1] = true
					}
				}
			}
		case xml.EndElement:
			if t.Name.Local == "bibl" && depth > 0 {
				depth--
			}
		}
	}
	dec = xml.NewDecoder(strings.NewReader(string(data)))
	dec.Strict = false
	var out []crfExample
	var tb *crfTextBuilder
	var stack []xml.Name
	var lab refparse.CRFLabel
	nb := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "bibl" && tb == nil:
				tb = &crfTextBuilder{}
				stack = stack[:0]
				nb++
			case tb != nil:
				if t.Name.Local == "lb" {
					tb.space = true
				}
				if len(stack) == 0 && t.Name.Local != "lb" {
					lab = crfGrobidLabel(t, hasArticle[nb-1])
				}
				stack = append(stack, t.Name)
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "bibl" && tb != nil && len(stack) == 0:
				if text := tb.b.String(); text != "" {
					out = append(out, crfNewExample(text, tb.spans, corpus))
				}
				tb = nil
			case tb != nil && len(stack) > 0:
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if tb != nil {
				tb.add(string(t), lab, len(stack) > 0)
			}
		}
	}
	return out, nil
}

// crfCorpus is the labelled data: real references, and the GB/T 7714
// renderings of real records made from them.
type crfCorpus struct {
	real []crfExample
}

// crfLoadCorpus reads the labelled references under dir: anystyle-*.xml
// and grobid-citation-corpus/*.xml.
func crfLoadCorpus(dir string) (*crfCorpus, error) {
	c := &crfCorpus{}
	for _, name := range []string{"core", "good", "ugly"} {
		f, err := os.Open(filepath.Join(dir, "anystyle-"+name+".xml"))
		if err != nil {
			return nil, err
		}
		ex, err := crfReadAnystyle(f, "anystyle-"+name)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("anystyle-%s.xml: %w", name, err)
		}
		c.real = append(c.real, ex...)
	}
	files, err := filepath.Glob(filepath.Join(dir, "grobid-citation-corpus", "*.xml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, errors.New("no GROBID citation files under " + dir)
	}
	sort.Strings(files)
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		ex, err := crfReadGrobid(data, "grobid")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
		}
		c.real = append(c.real, ex...)
	}
	return c, nil
}
