package train

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// Renderings by a real CSL processor in real CSL styles.
//
// The labelled references' records (crfCSLItem: their fields as the AnyStyle
// and GROBID projects labelled them) and real Chinese records of every
// document type (testdata/refparse/csl/records-chinese.json: books, theses,
// conference papers, chapters, reports, standards, patents, newspapers, web
// pages, read from the test cases of Zotero's translators for Chinese
// databases) are written as bibliography entries by citeproc-js in the CSL
// styles of citation-style-language/styles listed in styles.txt: GB/T 7714
// (1987, 2005, 2015, 2025; numeric, author-date, note), Chinese journals'
// styles and Western styles. citeproc-js marks the text of each variable
// (render.js), so every field of an entry is known.
//
// Styles are in two roles: those trained on render the training and
// development records; those held out render only held-out records, so
// their figures score styles and records the model never saw. The rendered
// entries are committed (rendered.jsonl) and read by training and by the
// tests; `citegraph train-parser --render` writes them again (Node.js and
// the npm package citeproc, at build time only). A fixed share of the
// entries of Chinese records are written with full-width punctuation, as
// many Chinese journals print them (crfCSLFullWidth).

// The folder of the CSL data under the labelled data, and its files.
const (
	crfCSLDir      = "csl"
	crfCSLStyles   = "styles.txt"
	crfCSLChinese  = "records-chinese.json"
	crfCSLRendered = "rendered.jsonl"
)

// How many renderings: each training record of the labelled references in
// a Western training style at this rate and in a GB/T training style at
// that; each held-out one in a held-out Western style, and at a rate in a
// held-out GB/T style; each Chinese record in every GB/T style of its role
// and one Western style.
const (
	crfCSLWesternShare     = 0.5
	crfCSLWesternGBTShare  = 0.15
	crfCSLHeldOutGBTShare  = 0.5
	crfCSLFullWidthShare   = 0.3
	crfCSLAccessedMaxYears = 6
)

// crfCSLStyle is one line of styles.txt.
type crfCSLStyle struct {
	name    string
	gbt     bool // GB/T 7714 or a Chinese journal's style
	heldOut bool
}

// crfReadCSLStyles reads styles.txt.
func crfReadCSLStyles(path string) ([]crfCSLStyle, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []crfCSLStyle
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 || (f[1] != "gbt" && f[1] != "western") || (f[2] != "train" && f[2] != "heldout") {
			return nil, fmt.Errorf("%s:%d: want \"name gbt|western train|heldout\", got %q", path, n+1, line)
		}
		out = append(out, crfCSLStyle{name: f[0], gbt: f[1] == "gbt", heldOut: f[2] == "heldout"})
	}
	return out, nil
}

// crfCSLName is a CSL-JSON name.
type crfCSLName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// crfCSLDate is a CSL-JSON date.
type crfCSLDate struct {
	DateParts [][]int `json:"date-parts"`
}

// crfCSLRecord is a CSL-JSON item, with the variables the renderings use.
type crfCSLRecord struct {
	ID             string       `json:"id"`
	Type           string       `json:"type"`
	Language       string       `json:"language,omitempty"`
	Author         []crfCSLName `json:"author,omitempty"`
	Editor         []crfCSLName `json:"editor,omitempty"`
	Translator     []crfCSLName `json:"translator,omitempty"`
	Title          string       `json:"title"`
	Container      string       `json:"container-title,omitempty"`
	Collection     string       `json:"collection-title,omitempty"`
	Event          string       `json:"event-title,omitempty"`
	Issued         *crfCSLDate  `json:"issued,omitempty"`
	Accessed       *crfCSLDate  `json:"accessed,omitempty"`
	Volume         string       `json:"volume,omitempty"`
	Issue          string       `json:"issue,omitempty"`
	Page           string       `json:"page,omitempty"`
	Edition        string       `json:"edition,omitempty"`
	Publisher      string       `json:"publisher,omitempty"`
	PublisherPlace string       `json:"publisher-place,omitempty"`
	Genre          string       `json:"genre,omitempty"`
	Number         string       `json:"number,omitempty"`
	DOI            string       `json:"DOI,omitempty"`
	URL            string       `json:"URL,omitempty"`
}

// crfCSLItem returns the CSL-JSON item of a labelled reference: its fields
// as labelled, its type as the fields make it (refparse.CRFWork). A reference
// without a title, a year or a type is not an item.
func crfCSLItem(e *crfExample) (crfCSLRecord, bool) {
	w := refparse.CRFWork(e.text, e.toks, e.labels)
	if w.Title == "" || w.Year == 0 || w.Type == "" || crfHasKanaHangul(e.text) {
		return crfCSLRecord{}, false
	}
	field := func(l refparse.CRFLabel) string {
		a, b, ok := refparse.CRFFieldSpan(e.text, e.toks, e.labels, l)
		if !ok {
			return ""
		}
		return strings.TrimSpace(refparse.NormalizeFullWidth(refparse.CRFSpanText(e.text, e.toks, a, b)))
	}
	rec := crfCSLRecord{
		Type: w.Type, Title: w.Title, Container: w.Container, Volume: w.Volume, Issue: w.Issue, Page: w.Pages,
		Publisher: w.Publisher, PublisherPlace: w.Place, DOI: w.DOI, URL: w.URL, Language: "en",
		Collection: field(refparse.CRFCollection),
	}
	if bib.HasHan(w.Title) {
		rec.Language = "zh-CN"
	}
	if w.Type == "thesis" || w.Type == "report" {
		rec.Genre = field(refparse.CRFGenre)
	}
	date := []int{w.Year}
	if a, b, ok := refparse.CRFFieldSpan(e.text, e.toks, e.labels, refparse.CRFDate); ok {
		if m, d := crfMonthDay(refparse.CRFSpanText(e.text, e.toks, a, b)); m > 0 {
			date = append(date, m, d)
		}
	}
	rec.Issued = &crfCSLDate{DateParts: [][]int{date}}
	rec.Author = crfCSLNames(w.Authors)
	if s := field(refparse.CRFEditor); s != "" {
		rec.Editor = crfCSLNames(refparse.CRFAuthors(s))
	}
	if len(rec.Author) == 0 && len(rec.Editor) == 0 {
		return crfCSLRecord{}, false
	}
	return rec, true
}

func crfCSLNames(names []bib.Name) []crfCSLName {
	var out []crfCSLName
	for _, n := range names {
		switch {
		case n.Literal != "":
			out = append(out, crfCSLName{Literal: n.Literal})
		case n.Given == "":
			out = append(out, crfCSLName{Literal: n.Family})
		default:
			out = append(out, crfCSLName{Family: n.Family, Given: n.Given})
		}
	}
	return out
}

// crfCSLJob is one entry to render: a record in a style.
type crfCSLJob struct {
	Key   string          `json:"key"` // split|type|source
	Style string          `json:"style"`
	Item  json.RawMessage `json:"item"`
}

// crfCSLKey names a rendering's record: its split, its CSL type and where
// it comes from.
func crfCSLKey(split crfSplit, typ, source string) string {
	return fmt.Sprintf("%d|%s|%s", split, typ, source)
}

// crfCSLJobs chooses what to render, deterministically: see the constants
// above. recs are the records of the labelled references with their
// splits; chinese the Chinese records.
func crfCSLJobs(styles []crfCSLStyle, recs []crfCSLRecord, splits []crfSplit, chinese []json.RawMessage) ([]crfCSLJob, error) {
	pick := func(gbt, heldOut bool) []string {
		var out []string
		for _, s := range styles {
			if s.gbt == gbt && s.heldOut == heldOut {
				out = append(out, s.name)
			}
		}
		return out
	}
	westTrain, westHeld, gbtTrain, gbtHeld := pick(false, false), pick(false, true), pick(true, false), pick(true, true)
	if len(westTrain) == 0 || len(westHeld) == 0 || len(gbtTrain) == 0 || len(gbtHeld) == 0 {
		return nil, errors.New("styles.txt: want Western and GB/T styles, each trained on and held out")
	}
	rnd := crfRand(7714)
	var jobs []crfCSLJob
	add := func(key, style string, item []byte) {
		jobs = append(jobs, crfCSLJob{Key: key, Style: style, Item: item})
	}
	for k := range recs {
		rec := &recs[k]
		crfCSLAccess(rec, &rnd)
		item, err := json.Marshal(rec)
		if err != nil {
			return nil, err
		}
		key := crfCSLKey(splits[k], rec.Type, rec.ID)
		if splits[k] == crfSplitTest {
			add(key, westHeld[rnd.intn(len(westHeld))], item)
			if rnd.chance(crfCSLHeldOutGBTShare) {
				add(key, gbtHeld[rnd.intn(len(gbtHeld))], item)
			}
			continue
		}
		if rnd.chance(crfCSLWesternShare) {
			add(key, westTrain[rnd.intn(len(westTrain))], item)
		}
		if rnd.chance(crfCSLWesternGBTShare) {
			add(key, gbtTrain[rnd.intn(len(gbtTrain))], item)
		}
	}
	for _, raw := range chinese {
		var rec crfCSLRecord
		var vars map[string]json.RawMessage
		if err := json.Unmarshal(raw, &rec); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(raw, &vars); err != nil {
			return nil, err
		}
		split := crfSplitOf(rec.Title)
		if rec.Accessed == nil {
			if crfCSLAccess(&rec, &rnd); rec.Accessed != nil {
				vars["accessed"], _ = json.Marshal(rec.Accessed)
			}
		}
		item, err := json.Marshal(vars)
		if err != nil {
			return nil, err
		}
		key := crfCSLKey(split, rec.Type, rec.ID)
		gbt, west := gbtTrain, westTrain
		if split == crfSplitTest {
			gbt, west = gbtHeld, westHeld
		}
		for _, s := range gbt {
			add(key, s, item)
		}
		add(key, west[rnd.intn(len(west))], item)
	}
	return jobs, nil
}

// crfCSLAccess gives a record with a URL and no access date one: the date
// a citing author looked at it belongs to the citing act, not the record,
// so it is drawn, in the years after the record's.
func crfCSLAccess(rec *crfCSLRecord, rnd *crfRand) {
	if rec.URL == "" || rec.Accessed != nil || rec.Issued == nil || len(rec.Issued.DateParts) == 0 {
		return
	}
	y := rec.Issued.DateParts[0][0] + 1 + rnd.intn(crfCSLAccessedMaxYears)
	rec.Accessed = &crfCSLDate{DateParts: [][]int{{y, 1 + rnd.intn(12), 1 + rnd.intn(28)}}}
}

// RenderRefParserData writes the CSL renderings under dataDir
// (testdata/refparse) again, csl/rendered.jsonl: it builds the records,
// runs Node.js on csl/render.js (after npm ci if its packages are missing)
// and writes what it prints. Build time only: the parser never runs
// Node.js.
func RenderRefParserData(dataDir string, log io.Writer) error {
	dir := filepath.Join(dataDir, crfCSLDir)
	styles, err := crfReadCSLStyles(filepath.Join(dir, crfCSLStyles))
	if err != nil {
		return err
	}
	c, err := crfLoadCorpus(dataDir)
	if err != nil {
		return err
	}
	var recs []crfCSLRecord
	var splits []crfSplit
	for k := range c.real {
		rec, ok := crfCSLItem(&c.real[k])
		if !ok {
			continue
		}
		rec.ID = c.real[k].corpus + "#" + strconv.Itoa(k)
		recs = append(recs, rec)
		splits = append(splits, c.real[k].split)
	}
	data, err := os.ReadFile(filepath.Join(dir, crfCSLChinese))
	if err != nil {
		return err
	}
	var chinese []json.RawMessage
	if err := json.Unmarshal(data, &chinese); err != nil {
		return fmt.Errorf("%s: %w", crfCSLChinese, err)
	}
	jobs, err := crfCSLJobs(styles, recs, splits, chinese)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "citeproc")); err != nil {
		npm := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		npm.Dir, npm.Stdout, npm.Stderr = dir, log, log
		if err := npm.Run(); err != nil {
			return fmt.Errorf("npm ci in %s: %w", dir, err)
		}
	}
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	enc.SetEscapeHTML(false)
	for _, j := range jobs {
		if err := enc.Encode(j); err != nil {
			return err
		}
	}
	var out bytes.Buffer
	node := exec.Command("node", "render.js")
	node.Dir, node.Stdin, node.Stdout, node.Stderr = dir, &in, &out, log
	if err := node.Run(); err != nil {
		return fmt.Errorf("node render.js: %w", err)
	}
	if log != nil {
		fmt.Fprintf(log, "%d records of the labelled references, %d Chinese records: %d renderings\n",
			len(recs), len(chinese), bytes.Count(out.Bytes(), []byte("\n")))
	}
	tmp := filepath.Join(dir, crfCSLRendered+".tmp")
	if err := os.WriteFile(tmp, out.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, crfCSLRendered))
}

// crfCSLLabels maps the CSL variables render.js marks to labels; those not
// here (edition, ISBN, number …) are notes.
var crfCSLLabels = map[string]refparse.CRFLabel{
	"author": refparse.CRFAuthor, "composer": refparse.CRFAuthor, "director": refparse.CRFAuthor, "interviewer": refparse.CRFAuthor,
	"editor": refparse.CRFEditor, "translator": refparse.CRFEditor, "collection-editor": refparse.CRFEditor, "container-author": refparse.CRFEditor,
	"editorial-director": refparse.CRFEditor,
	"title":              refparse.CRFTitle, "container-title": refparse.CRFContainer, "event-title": refparse.CRFContainer, "event": refparse.CRFContainer,
	"collection-title": refparse.CRFCollection, "issued": refparse.CRFDate, "volume": refparse.CRFVolume, "issue": refparse.CRFIssue, "page": refparse.CRFPages,
	"publisher": refparse.CRFPublisher, "publisher-place": refparse.CRFLocation, "event-place": refparse.CRFLocation, "DOI": refparse.CRFDOI, "URL": refparse.CRFURL,
	"genre": refparse.CRFGenre, "citation-number": refparse.CRFCitNum, "accessed": refparse.CRFNote, "page-first": refparse.CRFPages, "year-suffix": refparse.CRFDate,
}

// crfCSLLabel returns the label of a marked run: the first of its
// variables that has one ("author+editor" is the author).
func crfCSLLabel(vars string) refparse.CRFLabel {
	for _, v := range strings.Split(vars, "+") {
		if l, ok := crfCSLLabels[v]; ok {
			return l
		}
	}
	return refparse.CRFNote
}

// crfReadCSLEntry reads a marked entry into its text and labelled spans.
// Marks nest (a container-author around an editor): the innermost labels
// the text.
func crfReadCSLEntry(marked string) (string, []crfSpan, error) {
	var b strings.Builder
	var spans []crfSpan
	type open struct {
		start int
		label refparse.CRFLabel
	}
	var stack []open
	for i := 0; i < len(marked); {
		switch {
		case strings.HasPrefix(marked[i:], "\uE000"):
			j := strings.Index(marked[i:], "\uE001")
			if j < 0 {
				return "", nil, errors.New("unclosed variable name")
			}
			stack = append(stack, open{b.Len(), crfCSLLabel(marked[i+3 : i+j])})
			i += j + 3
		case strings.HasPrefix(marked[i:], "\uE002"):
			if len(stack) == 0 {
				return "", nil, errors.New("unbalanced variable mark")
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			spans = append(spans, crfSpan{o.start, b.Len(), o.label})
			i += 3
		default:
			b.WriteByte(marked[i])
			i++
		}
	}
	if len(stack) > 0 {
		return "", nil, errors.New("unclosed variable mark")
	}
	text := b.String()
	var out []crfSpan
	for _, sp := range crfInnermost(spans) {
		if sp.start < sp.end {
			out = append(out, sp)
		}
	}
	return text, out, nil
}

// crfInnermost returns the spans as disjoint ones in text order: where
// spans nest, the innermost labels each byte.
func crfInnermost(spans []crfSpan) []crfSpan {
	end := 0
	for _, sp := range spans {
		end = max(end, sp.end)
	}
	owner := make([]int, end)
	for k := range owner {
		owner[k] = -1
	}
	// Spans are appended as they close: an inner span before its outer
	// one. Writing them in reverse lets the inner ones win.
	for k := len(spans) - 1; k >= 0; k-- {
		for p := spans[k].start; p < spans[k].end; p++ {
			owner[p] = k
		}
	}
	var out []crfSpan
	for p := 0; p < end; {
		if owner[p] < 0 {
			p++
			continue
		}
		q := p
		for q < end && owner[q] == owner[p] {
			q++
		}
		out = append(out, crfSpan{p, q, spans[owner[p]].label})
		p = q
	}
	return out
}

// crfCSLFullWidth writes the punctuation of a marked entry in full width,
// as many Chinese journals print it.
var crfCSLFullWidth = strings.NewReplacer(", ", "，", ": ", "：", "(", "（", ")", "）", "; ", "；")

// crfReadCSLRendered reads rendered.jsonl: each entry becomes an example
// of corpus "csl/SET/ROLE/STYLE/TYPE" (SET gbt or western, ROLE train or
// heldout, a "/fw" suffix for full-width punctuation), in its record's
// split.
func crfReadCSLRendered(path string, styles []crfCSLStyle) ([]crfExample, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	byName := map[string]crfCSLStyle{}
	for _, s := range styles {
		byName[s.name] = s
	}
	var out []crfExample
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		var r struct{ Key, Style, Entry string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		st, ok := byName[r.Style]
		if !ok {
			return nil, fmt.Errorf("%s:%d: style %q is not in %s", path, line, r.Style, crfCSLStyles)
		}
		parts := strings.SplitN(r.Key, "|", 3)
		if len(parts) != 3 {
			return nil, fmt.Errorf("%s:%d: key %q is not split|type|source", path, line, r.Key)
		}
		n, err := strconv.Atoi(parts[0])
		if err != nil || n > int(crfSplitTest) {
			return nil, fmt.Errorf("%s:%d: bad split in key %q", path, line, r.Key)
		}
		entry := r.Entry
		corpus := "csl/western/"
		if st.gbt {
			corpus = "csl/gbt/"
		}
		if st.heldOut {
			corpus += "heldout/"
		} else {
			corpus += "train/"
		}
		corpus += r.Style + "/" + parts[1]
		if rnd := crfRandOf(r.Key + r.Style); st.gbt && bib.HasHan(entry) && rnd.chance(crfCSLFullWidthShare) {
			entry = crfCSLFullWidth.Replace(entry)
			corpus += "/fw"
		}
		text, spans, err := crfReadCSLEntry(entry)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		// The builder folds white space as the other corpora's readers do.
		var tb crfTextBuilder
		prev := 0
		for _, sp := range spans {
			tb.add(text[prev:sp.start], refparse.CRFOther, false)
			tb.add(text[sp.start:sp.end], sp.label, true)
			prev = sp.end
		}
		tb.add(text[prev:], refparse.CRFOther, false)
		e := crfNewExample(tb.b.String(), tb.spans, corpus)
		e.split = crfSplit(n)
		out = append(out, e)
	}
	return out, sc.Err()
}
