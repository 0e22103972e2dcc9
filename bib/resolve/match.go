package resolve

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
	"golang.org/x/text/unicode/norm"
)

// Reference matching compares two descriptions of works field by field and
// scores how likely they are one work. Every field both sides have counts:
// a contradiction in a strong field (DOI, year more than one apart, first
// author's family, volume, first page, a clearly different title) rules the
// pair out; agreements add evidence, weighted by how much they identify a
// work. The raw text backs the parsed fields up: a field one side's parser
// found can still be looked for among the other side's words and numbers,
// and the words both texts share (weighted by rarity) show how much of the
// shorter description the longer one repeats.

// profile is the comparison form of one description, computed once.
type profile struct {
	id, doi   string
	fams      []string // first author's family variants (FamilyVariants)
	nameWords []string // the words of the first author's name
	others    []string // the other authors' family keys
	init      rune     // first author's first initial, 0 when unknown
	inits     uint32   // the initials of all the first author's given names, a bit a letter a–z (givenInitials)
	year      int
	title     []uint32 // title trigram sketch (TitleGrams)
	src       [][]string
	srcKeys   []string // initials of the source's words, for blocking
	hanTitle  bool     // the title, or the source, is written in Chinese characters
	hanSource bool
	srcIDs    []int32 // the interned forms of src, for the similarity cache
	vol, page string
	volNum    int32 // the id of vol's digits among the tokens' numbers (locatorNumber), -1 when not interned when the profile was finished
	pageNum   int32 // of page's digits
	issue     string
	words     []int32 // distinct word tokens of the raw text and the fields, sorted
	nums      []int32 // distinct number tokens, sorted
	keys      []string
	text      string   // the raw text, or the fields written out
	tight     string   // text folded, letters and digits only
	textWords []string // the short words (two or three letters) of text
	lead      string   // the text's first word of three letters or more: most styles begin with the first author's family
	textGrams []uint32 // trigram sketch of text, computed when first needed
	// noisy: the text shows the noise of extraction or OCR, look-alike
	// letters and digits read back or words mended (corrector), and
	// pairs the fields turn down get a second look (compareText).
	noisy bool
	// correction: the text names a correction of another work (an
	// erratum, a corrigendum), whose citation it quotes (correctionWord).
	correction bool
	numbered   bool // the text prints a number that is not a year
}

// tokens interns word and number tokens and counts in how many
// descriptions each occurs. Words and numbers are kept apart ("v" and
// "48" of "V48" are different kinds of token) but numbered together.
type tokens struct {
	ids     map[string]int32 // words
	nums    map[string]int32 // numbers
	strs    []string         // each token by its id
	df      []int32
	idf     []float64
	sources map[string]source // source titles already read
}

// source is a source title's words (sourceWords) and their interned id.
type source struct {
	words    []string
	id       int32
	initials string // of the words before they were mended, for blocking
}

func newTokens() *tokens {
	return &tokens{ids: map[string]int32{}, nums: map[string]int32{}, sources: map[string]source{}}
}

func containsBytes(ws []string, b []byte) bool {
	for _, w := range ws {
		if w == string(b) {
			return true
		}
	}
	return false
}

func (t *tokens) id(s string) int32 { return t.intern(t.ids, []byte(s)) }

// intern returns the id of b in ids, adding it when new.
func (t *tokens) intern(ids map[string]int32, b []byte) int32 {
	if i, ok := ids[string(b)]; ok {
		return i
	}
	return t.add(ids, string(b))
}

// add gives s, not in ids, the next id.
func (t *tokens) add(ids map[string]int32, s string) int32 {
	i := int32(len(t.df))
	ids[s] = i
	t.strs = append(t.strs, s)
	t.df = append(t.df, 0)
	return i
}

func (t *tokens) finish(n int) {
	t.idf = make([]float64, len(t.df))
	for i, d := range t.df {
		t.idf[i] = math.Log(1 + float64(n)/float64(max(d, 1)))
	}
}

// matchStopWords are left out of the word tokens.
var matchStopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "in": true, "on": true, "for": true,
	"to": true, "with": true, "by": true, "at": true, "from": true, "as": true, "is": true, "are": true,
	"or": true, "et": true, "al": true, "pp": true, "vol": true, "no": true, "doi": true, "eds": true,
	"ed": true, "in chinese": true, "und": true, "der": true, "die": true, "de": true, "la": true,
}

// splitText reads s's look-alikes (readLookAlikes), folds it (case,
// diacritics, ligatures) and calls word for each word of two or more
// letters and num for each run of digits (without leading zeros); a word
// is split where letters and digits meet ("V48" → "v", "48"), and a run of
// Chinese characters gives its character pairs.
// The slices passed are reused: a callback that keeps one copies it.
func splitText(s string, word, num func([]byte)) {
	var sp splitter
	sp.split(s, word, num)
}

// A splitter splits texts as splitText does, making their tokens in one
// buffer: a profile splits its text and names (five texts or so) with one
// (the buffer, passed to the callbacks, is on the heap).
type splitter struct{ buf []byte }

func (sp *splitter) split(s string, word, num func([]byte)) {
	sp.splitRead(readLookAlikes(s), word, num)
}

// splitRead is split of a text whose look-alikes are read.
func (sp *splitter) splitRead(s string, word, num func([]byte)) {
	if !isASCII(s) {
		// An invalid byte would leave the rune after it undecomposed.
		s = norm.NFKD.String(strings.ToValidUTF8(s, " "))
	}
	if sp.buf == nil {
		sp.buf = make([]byte, 0, 64)
	}
	buf := sp.buf[:0]
	var han []rune
	flushHan := func() {
		if len(han) == 1 {
			word([]byte(string(han)))
		}
		for i := 0; i+1 < len(han); i++ {
			word([]byte(string(han[i : i+2])))
		}
		han = han[:0]
	}
	kind := 0 // 0 none, 1 letters, 2 digits
	flush := func() {
		switch {
		case kind == 1 && len(buf) >= 2 && utf8.RuneCount(buf) >= 2:
			word(buf)
		case kind == 2:
			d := buf
			for len(d) > 1 && d[0] == '0' {
				d = d[1:]
			}
			num(d)
		}
		buf = buf[:0]
		kind = 0
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			switch {
			case c >= 'a' && c <= 'z':
				if kind == 2 {
					flush()
				}
				kind = 1
				buf = append(buf, c)
			case c >= '0' && c <= '9':
				if kind == 1 {
					flush()
				}
				kind = 2
				buf = append(buf, c)
			default:
				flush()
				flushHan()
			}
		case unicode.Is(unicode.Mn, r):
		case unicode.Is(unicode.Han, r):
			flush()
			han = append(han, r)
		case unicode.IsLetter(r):
			flushHan()
			if kind == 2 {
				flush()
			}
			kind = 1
			buf = utf8.AppendRune(buf, bib.FoldRune(unicode.ToLower(r)))
		case unicode.IsDigit(r):
			flushHan()
			if kind == 1 {
				flush()
			}
			kind = 2
			buf = utf8.AppendRune(buf, r)
		default:
			flush()
			flushHan()
		}
	}
	flush()
	flushHan()
	sp.buf = buf
}

// initials are the first letters of words: "jap" of [j appl phys].
func initials(ws []string) string {
	b := make([]byte, 0, len(ws))
	for _, w := range ws {
		if w != "" && w[0] < utf8.RuneSelf {
			b = append(b, w[0])
		}
	}
	return string(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// tightOf is the words and numbers of s (as splitText finds them) run
// together: the form title sketches and text sketches are made from.
func tightOf(s string) string {
	var b strings.Builder
	splitText(s, func(w []byte) { b.Write(w) }, func(n []byte) { b.Write(n) })
	return b.String()
}

// yearOf is the year a number of four digits may be, 0 if none.
func yearOf(digits []byte) int {
	if len(digits) != 4 {
		return 0
	}
	y := 0
	for _, c := range digits {
		y = 10*y + int(c-'0')
	}
	if y < 1600 || y > 2100 {
		return 0
	}
	return y
}

// normLocator is the comparison form of a volume, issue or page: folded,
// leading zeros dropped ("0047" → "47", "e1234" kept).
func normLocator(s string) string {
	s = strings.ReplaceAll(fold(readLookAlikes(s)), " ", "")
	t := strings.TrimLeft(s, "0")
	if t == "" && s != "" {
		return "0"
	}
	return t
}

// textTokens holds the word and number tokens of a profile's text until they
// are interned, and the splitter that makes them.
type textTokens struct {
	buf   []byte
	spans []int32 // end of each token in buf; -end-1 for a number
	sp    splitter
}

func (pd *textTokens) add(b []byte, number bool) {
	pd.buf = append(pd.buf, b...)
	end := int32(len(pd.buf))
	if number {
		end = -end - 1
	}
	pd.spans = append(pd.spans, end)
}

// prepareProfile sets all of a profile that needs no shared state in p,
// zero on entry: in place, a node's profile (448 bytes) is not copied.
// The tokens of its text are put in pd, its buffers and splitter reused.
func prepareProfile(p *profile, pd *textTokens, id string, w *bib.Work, raw string) {
	p.id, p.doi, p.year = id, bib.DOIKey(w), w.Year
	p.volNum, p.pageNum = -1, -1
	pd.buf, pd.spans = pd.buf[:0], pd.spans[:0]
	// Words of author names are compared as names, not as words of the
	// text: one style lists every author, another three and "et al.",
	// another the first with a full given name. Only the first author's
	// family stays a word.
	// The names' words are split name by name: splitText reads and
	// splits each word on its own, so the words of "Family Given" are
	// those of Family and then of Given.
	sp := &pd.sp
	var familyWords, authorWords []string // the first author's family and literal name's; the others, sorted
	noNumber := func([]byte) {}
	if fa := w.FirstAuthor(); !fa.IsZero() {
		p.fams = FamilyVariants(fa)
		p.init = FirstInitial(fa)
		p.inits = givenInitials(fa.Given)
		sp.split(fa.Family, func(s []byte) { familyWords = append(familyWords, string(s)) }, noNumber)
		p.nameWords = slices.Clone(familyWords)
		sp.split(fa.Given, func(s []byte) { p.nameWords = append(p.nameWords, string(s)) }, noNumber)
		sp.split(fa.Literal, func(s []byte) { familyWords = append(familyWords, string(s)) }, noNumber)
	}
	for _, a := range w.Authors {
		sp.split(a.Family+" "+a.Given+" "+a.Literal, func(s []byte) {
			if !containsBytes(familyWords, s) {
				authorWords = append(authorWords, string(s))
			}
		}, noNumber)
	}
	slices.Sort(authorWords)
	authorWords = slices.Compact(authorWords)
	for _, a := range w.Authors[min(1, len(w.Authors)):] {
		if k := bib.FamilyKey(a); k != "" {
			p.others = append(p.others, k)
		}
	}
	if title := titleProper(w.Title); strings.TrimSpace(title) != "" {
		p.title = TightGrams(tightOf(title))
		p.hanTitle = bib.HasHan(w.Title)
	}
	p.hanSource = bib.HasHan(w.Container)
	p.vol = normLocator(w.Volume)
	p.issue = normLocator(w.Issue)
	p.page = normLocator(w.FirstPage())
	if p.page == "" && p.vol == "" {
		// A page the parser missed where the text ends (trailingPage).
		p.page = trailingPage(raw)
	}
	p.keys = MatchKeysFast(w)

	text := raw
	if text == "" || len(p.fams) == 0 && w.Title == "" {
		// Without raw text (records), or a raw text the parser made
		// nothing of: the fields are the text.
		var b strings.Builder
		b.WriteString(raw)
		for _, a := range w.Authors {
			b.WriteString(" ")
			b.WriteString(a.String())
		}
		for _, s := range []string{w.Title, w.Container, w.Volume, w.Issue, w.Pages} {
			b.WriteString(" ")
			b.WriteString(s)
		}
		if w.Year != 0 {
			b.WriteString(" " + strconv.Itoa(w.Year))
		}
		text = b.String()
	}
	if strings.Contains(text, "10.") || strings.Contains(text, "://") || strings.Contains(text, "www.") {
		text = dropLinks(text)
	}
	p.text = text
	read := readLookAlikes(text)
	p.noisy = read != text
	// The tight form is about as long as the text: made at its length,
	// it is seldom grown by copies.
	var tight strings.Builder
	tight.Grow(len(read))
	years := 0 // the text's years: one, or -1 for several
	sp.splitRead(read, func(s []byte) {
		tight.Write(s)
		if p.lead == "" && len(s) >= 3 {
			p.lead = string(s)
		}
		if len(s) <= 3 && !containsBytes(p.textWords, s) {
			p.textWords = append(p.textWords, string(s))
		}
		p.correction = p.correction || correctionWord(s)
		if _, author := slices.BinarySearch(authorWords, string(s)); !author && !matchStopWords[string(s)] {
			pd.add(s, false)
		}
	}, func(s []byte) {
		tight.Write(s)
		pd.add(s, true)
		y := yearOf(s)
		p.numbered = p.numbered || y == 0
		if y != 0 {
			switch years {
			case 0:
				years = y
			case y:
			default:
				years = -1
			}
		}
	})
	p.tight = tight.String()
	if !slices.Contains(p.fams, p.lead) && slices.Contains(p.others, p.lead) {
		// The text's first word of three letters is a co-author's name:
		// the first author's is shorter ("Li Y.Q., Liu Y.H."), and the
		// text leads with no other name.
		p.lead = ""
	}
	if p.year == 0 && years > 0 {
		// The parser found no year where the text has one, misread
		// ("(l986)", "2O08") or out of its place.
		p.year = years
	}
	if raw != "" {
		p.year = printedYear(text, p.year, p.noisy)
	}
	if w.Original != "" && !strings.Contains(raw, w.Original) {
		sp.split(w.Original, func(s []byte) { pd.add(s, false) }, func([]byte) {})
	}
}

// finishProfile interns a prepared profile's tokens in t, counts their
// document frequencies, and appends the ids of its words, in the order of
// the text, to seq.
func (t *tokens) finishProfile(p *profile, pd *textTokens, seq []int32) []int32 {
	first := len(seq)
	seq, nums := t.internTokens(pd, seq, nil)
	p.words, p.nums = sortedSet(seq[first:]), sortedSet(nums)
	t.numberLocators(p)
	t.count(p)
	return seq
}

// numberLocators notes the ids of p's volume and page digits.
func (t *tokens) numberLocators(p *profile) {
	p.volNum, p.pageNum = t.locatorNumber(p.vol), t.locatorNumber(p.page)
}

// locatorNumber is the id among t's numbers of the digits of a locator
// ("s213" → 213), -1 when it has none or they are not interned.
func (t *tokens) locatorNumber(v string) int32 {
	// The leading letters and zeros trimmed by hand: strings.TrimLeft
	// builds its cutset on each call.
	i := 0
	for i < len(v) && 'a' <= v[i] && v[i] <= 'z' {
		i++
	}
	for i < len(v) && v[i] == '0' {
		i++
	}
	v = v[i:]
	if v == "" || !isDigits(v) {
		return -1
	}
	if id, ok := t.nums[v]; ok {
		return id
	}
	return -1
}

// internTokens interns a prepared profile's tokens in t and appends the
// ids of its words to words and of its numbers to nums, in the order of
// the text.
func (t *tokens) internTokens(pd *textTokens, words, nums []int32) ([]int32, []int32) {
	start := int32(0)
	for _, end := range pd.spans {
		if end < 0 {
			end = -end - 1
			nums = append(nums, t.intern(t.nums, pd.buf[start:end]))
		} else {
			words = append(words, t.intern(t.ids, pd.buf[start:end]))
		}
		start = end
	}
	return words, nums
}

// count adds a profile's words and numbers to the document frequencies.
func (t *tokens) count(p *profile) {
	for _, x := range p.words {
		t.df[x]++
	}
	for _, x := range p.nums {
		t.df[x]++
	}
}

// sortedSet is the distinct values of xs, sorted, in a slice of its own.
func sortedSet(xs []int32) []int32 {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

// readSources gives every node the source titles of its work, their words
// mended by c: each distinct title is read once, on every core, and
// interned in the order of the nodes.
func (m *matcher) readSources(work func(k int) *bib.Work, c *corrector) {
	t := m.tok
	var fresh []string
	for k := range m.nodes {
		w := work(k)
		for _, s := range []string{w.Container, w.ContainerShort} {
			if _, ok := t.sources[s]; !ok && s != "" {
				t.sources[s] = source{id: -1}
				fresh = append(fresh, s)
			}
		}
	}
	words := make([][]string, len(fresh))
	keys := make([]string, len(fresh))
	parallelFor(len(fresh), func(i int) {
		if ws := sourceWords(fresh[i]); len(ws) > 0 {
			keys[i] = initials(ws)
			words[i], _ = c.correctSource(ws)
		}
	})
	for i, s := range fresh {
		if words[i] != nil {
			t.sources[s] = source{words: words[i], id: t.id(sourceKey(words[i])), initials: keys[i]}
		}
	}
	parallelFor(len(m.nodes), func(k int) {
		p, w := &m.nodes[k].p, work(k)
		for _, s := range []string{w.Container, w.ContainerShort} {
			p.addSource(t.sources[s])
		}
		p.setSourceKeys(w, func(s string) string { return t.sources[s].initials })
	})
}

// setSourceKeys sets the source initials a profile is blocked under ("jap"
// for J APPL PHYS and Journal of Applied Physics), from the title when no
// source was parsed (a parser may take a source for a title); initialsOf
// gives a source title's (each is read once, for all the descriptions
// that cite it).
func (p *profile) setSourceKeys(w *bib.Work, initialsOf func(string) string) {
	for _, s := range []string{w.Container, w.ContainerShort} {
		if k := initialsOf(s); len(k) >= 2 && !slices.Contains(p.srcKeys, k) {
			p.srcKeys = append(p.srcKeys, k)
		}
	}
	if len(p.srcKeys) == 0 {
		if ws := sourceWords(w.Title); len(ws) <= 8 {
			if k := initials(ws); len(k) >= 2 {
				p.srcKeys = append(p.srcKeys, k)
			}
		}
	}
}

// addSource gives p a source title's form, once.
func (p *profile) addSource(src source) {
	if src.words != nil && !slices.Contains(p.srcIDs, src.id) {
		p.src = append(p.src, src.words)
		p.srcIDs = append(p.srcIDs, src.id)
	}
}

// newProfile computes the profile of a description compared on its own,
// outside a corpus (Confirm): no word is mended, there being no vocabulary
// to mend it with. raw is the text it was read from, if any.
func newProfile(t *tokens, id string, w *bib.Work, raw string) profile {
	var p profile
	var pd textTokens
	prepareProfile(&p, &pd, id, w, raw)
	t.finishProfile(&p, &pd, nil)
	for _, s := range []string{w.Container, w.ContainerShort} {
		if ws := sourceWords(s); len(ws) > 0 {
			p.addSource(source{words: ws, id: t.id(sourceKey(ws))})
		}
	}
	p.setSourceKeys(w, func(s string) string { return initials(sourceWords(s)) })
	return p
}

// Evidence weights: how much an agreeing field says two descriptions are
// one work. A pair is a match when its evidence reaches matchThreshold and
// includes something that identifies a work beyond year and source.
const (
	wDOI           = 20.0
	wAuthor        = 2.0
	wInitial       = 0.5
	wYear          = 1.0
	wYearNear      = 0.3
	wVolume        = 1.5
	wPage          = 2.0
	wIssue         = 0.5
	wTitle         = 4.0
	wSource        = 1.5
	wWords         = 3.0
	wNumbers       = 1.0
	matchThreshold = 5.5
)

// verdict is the outcome of comparing two profiles.
type verdict struct {
	evidence float64
	rule     Match
	anchored bool // exactly one side has a DOI or an id
	vague    bool // nothing identifies the work beyond year and author or source
	agreed   fieldSet
	// byNumbers: three numbers or more of one text are all in the other.
	byNumbers bool
	// located: in a noisy pair, two numbers besides the year, one of three
	// digits or more, are in both texts and the numbers of one text are
	// all in the other (matcher.locate): a volume and a page say where the
	// work is printed, whatever noise did to its names and title.
	located bool
	// near: compare turned the noisy pair down, but its texts are near
	// (nearTexts); it joins only as each other's likeliest
	// (joinMutualBest).
	near bool
}

// titleInText is the share of one title that must be found in the other
// text for titles that differ to be a parser's misreading, not two works.
func (v verdict) titleInText() float64 {
	if v.byNumbers {
		return 0.6
	}
	return 0.8
}

// fieldSet records which fields of a pair agreed.
type fieldSet uint16

const (
	agreeID fieldSet = 1 << iota
	agreeDOI
	agreeAuthor
	agreeInitial
	agreeYear
	agreeTitle
	agreeSource
	agreeVolume
	agreeIssue
	agreePage
	agreeNumbers
	agreeText
)

var fieldNames = []string{"id", "doi", "author", "initial", "year", "title", "source", "volume", "issue", "page", "numbers", "text"}

// String lists the fields, "author+year+volume+page".
func (f fieldSet) String() string { return fieldSetNames()[f&(1<<len(fieldNames)-1)] }

// fieldSetNames is the String of every fieldSet, made once: every matched
// reference is given its set's (400,000 on 500 generated reviews).
var fieldSetNames = sync.OnceValue(func() []string {
	names := make([]string, 1<<len(fieldNames))
	for f := range names {
		var parts []string
		for i, n := range fieldNames {
			if f&(1<<i) != 0 {
				parts = append(parts, n)
			}
		}
		names[f] = strings.Join(parts, "+")
	}
	return names
})

// score maps evidence to [0, 1]: 0.5 at the match threshold.
func (v verdict) score() float64 {
	if v.rule == MatchDOI || v.rule == MatchID {
		return 1
	}
	return 1 / (1 + math.Exp(-(v.evidence-matchThreshold)/2))
}

// compare scores two profiles; a zero verdict means "not one work".
func (m *matcher) compare(a, b *profile) verdict {
	if a.id != "" && b.id != "" {
		if a.id == b.id {
			return verdict{evidence: wDOI, rule: MatchID, agreed: agreeID}
		}
		return verdict{}
	}
	if a.doi != "" && b.doi != "" {
		if a.doi == b.doi {
			return verdict{evidence: wDOI, rule: MatchDOI, agreed: agreeDOI}
		}
		return verdict{}
	}
	if m.correctsOther(a, b) {
		return verdict{}
	}
	e := 0.0
	var agreed fieldSet
	// What identifies a work beyond its year: a title, a volume with a
	// page, or two of author, source, page and the other text's numbers.
	strong, points := false, 0.0

	// Year: online-first and print may be a year apart.
	if a.year != 0 && b.year != 0 {
		switch d := a.year - b.year; {
		case d == 0:
			e += wYear
			agreed |= agreeYear
		case d == 1 || d == -1:
			e += wYearNear
			agreed |= agreeYear
		default:
			return verdict{}
		}
	}

	// First author. Names that differ rule the pair out unless one is
	// found in the other's text (a parser's misreading), or they are near
	// (misspelt or misread: "Kelly" and "Kelley", "Rolston" and
	// "Rollsfon"), or one is found misspelt in the other's text.
	// A first author who is the other description's co-author is another
	// paper of the same team ("Zhang J, 2013, APPL PHYS LETT, V102" and
	// Liao JW's article with Zhang among its authors).
	initialsClash, namesDiffer := false, false
	switch {
	case len(a.fams) > 0 && len(b.fams) > 0 && !sameAuthor(a, b):
		// A name that is part of the other's first author's ("Wang" of
		// "Hwang", "Shima" of "Shimatsu") is not found in its text.
		aPart, bPart := partOf(a.fams, b.fams), partOf(b.fams, a.fams)
		inB, inA := familyIn(a, b) && !coauthorOf(a, b) && !aPart, familyIn(b, a) && !coauthorOf(b, a) && !bPart
		if !inA && !inB && !initialsDiffer(a, b) && (nearFamily(a.fams, b.fams) || (a.noisy || b.noisy) && misreadFamily(a.fams, b.fams) || familyNear(a, b) && !coauthorOf(a, b) && !aPart || familyNear(b, a) && !coauthorOf(b, a) && !bPart) {
			inA = true
		}
		switch {
		case inA && inB:
			e += wAuthor
			agreed |= agreeAuthor
			points++
		case inA || inB:
			e += wAuthor / 2
			agreed |= agreeAuthor
			points += 0.5
		default:
			namesDiffer = true
		}
	case len(a.fams) > 0 && len(b.fams) > 0:
		e += wAuthor
		agreed |= agreeAuthor
		points++
		if a.init != 0 && b.init != 0 {
			switch {
			case a.init == b.init:
				e += wInitial
				agreed |= agreeInitial
			case !initialsDiffer(a, b):
				// Noise misread or dropped a first initial.
			default:
				e -= 2 * wInitial
				// One family name with other initials is another
				// person, unless the name is read the other way round
				// ("Lifeng He", "He L").
				initialsClash = meet(a.fams, b.fams)
			}
		}
	case len(a.fams) > 0:
		if (familyIn(a, b) || familyNear(a, b)) && !coauthorOf(a, b) {
			e += wAuthor / 2
			agreed |= agreeAuthor
			points++
		}
	case len(b.fams) > 0:
		if (familyIn(b, a) || familyNear(b, a)) && !coauthorOf(b, a) {
			e += wAuthor / 2
			agreed |= agreeAuthor
			points++
		}
	}

	// Locator. A volume or page that one side's parser missed, or took
	// from another number (an ISSN, an issue), is looked for among the other
	// text's numbers before it counts as a disagreement.
	volOK, pageOK, volSame, pageSame := false, false, false, false
	switch lc := m.locator(a, b, volumeLocator); lc {
	case locSame:
		e += wVolume
		agreed |= agreeVolume
		volOK, volSame = true, true
	case locFound:
		e += wVolume / 2
		agreed |= agreeVolume
		volOK = true
	case locDiffer:
		return verdict{}
	}
	switch lc := m.locator(a, b, pageLocator); lc {
	case locSame:
		e += wPage
		agreed |= agreePage
		pageOK, pageSame = true, true
	case locFound:
		e += wPage / 2
		agreed |= agreePage
		pageOK = true
	case locDiffer:
		return verdict{}
	}
	// First authors whose names differ are two works unless the year, the
	// volume and the first page are the same: then one of them is
	// misspelt beyond a few letters ("Sii" and "Shi", "Hknser" and
	// "Hensel"), or a citation names a co-author first.
	if namesDiffer && !(volSame && pageSame && a.year != 0 && a.year == b.year) {
		return verdict{}
	}
	switch {
	case volOK && pageOK:
		strong = true
	case pageOK:
		points++
	case volOK:
		points += 0.5
	}
	if a.issue != "" && b.issue != "" {
		if a.issue == b.issue {
			e += wIssue
			agreed |= agreeIssue
		} else {
			e -= wIssue
		}
	}

	// Title. A parser may take a source or an author for the title of a
	// style it misreads, so titles that differ are checked against the other
	// side's whole text before they rule the pair out; a title found in the
	// other text (most often a source read as a title) agrees as a source.
	// Three numbers or more of one text, all in the other (year, volume,
	// pages), identify the work, and make a title that differs more
	// likely a parser's misreading: an author list or a source taken for
	// the title of a text made noisy by OCR.
	numAgree, numN := numbersAgree(a.nums, b.nums)
	numbersIdentify := numAgree > 0 && numN >= 3
	inText := verdict{byNumbers: numbersIdentify}.titleInText()
	titleInText, titleSure := false, false
	switch {
	case len(a.title) >= 4 && len(b.title) >= 4:
		sim := titleSim(a.title, b.title)
		if sim < 0.5 {
			switch {
			case max(m.titleInText(a, b), m.titleInText(b, a)) >= inText:
				titleInText = true
			case a.hanTitle != b.hanTitle:
				// A Chinese title and its translation: no evidence either way.
			default:
				return verdict{}
			}
		} else {
			e += wTitle * min(1, (sim-0.5)/0.4)
			agreed |= agreeTitle
			if sim >= 0.8 {
				strong, titleSure = true, true
			}
		}
	case len(a.title) >= 12 && len(b.title) == 0:
		titleInText = m.titleInText(a, b) >= 0.8
	case len(b.title) >= 12 && len(a.title) == 0:
		titleInText = m.titleInText(b, a) >= 0.8
	}
	if titleInText && (len(a.src) == 0 || len(b.src) == 0) {
		e += wSource
		agreed |= agreeSource
		points++
	}

	// Source: the best alignment of any form each side has.
	if len(a.src) > 0 && len(b.src) > 0 {
		best := 0.0
		for i, x := range a.src {
			for j, y := range b.src {
				best = max(best, m.sourceSimilarity(a.srcIDs[i], b.srcIDs[j], x, y))
			}
		}
		if best >= 0.8 {
			points++
		}
		if best >= 0.5 {
			e += wSource * best
			agreed |= agreeSource
		} else if a.hanSource == b.hanSource {
			e -= wSource / 2
		}
	}

	// Words and numbers of the whole texts.
	c := m.containment(a.words, b.words)
	e += wWords * c
	if c >= 0.9 {
		agreed |= agreeText
	}
	switch agree, n := numAgree, numN; {
	case agree > 0:
		e += wNumbers
		agreed |= agreeNumbers
		if numbersIdentify {
			e += wNumbers
			strong = true
		}
		if n >= 2 && c >= 0.9 && m.weightOf(a, b) >= 10 {
			// Source, volume and pages of a text without author or title,
			// all found in the other text.
			points++
		}
	case agree < 0 && !(volOK && pageOK):
		e -= wNumbers
	}

	// What tells two papers of one name, one team or one journal apart,
	// unless a title or a volume with a page says they are one: other
	// initials of one family name, co-authors none of whom the other
	// description names, another section of a journal (Phys Rev B and E).
	if !titleSure && !(volOK && pageOK) && (initialsClash || m.coauthorsApart(a, b)) || !titleSure && sectionsDiffer(a, b) {
		return verdict{}
	}

	// A noisy pair a year apart whose volumes and pages do not agree.
	// Clean pairs a year apart are an article's online and print years.
	yearApart := (a.noisy || b.noisy) && yearsDiffer(a, b) && !volOK && !pageOK
	// A first author and a source identify a work in one year. Such a
	// pair that shares no title either is as likely the author's next
	// work in that source (a preprint server, a conference series:
	// "Rossi, E. SSRN Electronic Journal 2O02." and "E. Rossi, F.
	// Bianchi, SSRN Electronic Journal (2003)."): its link is vague, and
	// matcher.cluster leaves noisy vague links a year apart out.
	unplaced := yearApart && agreed&agreeTitle == 0
	// Nor does a title, where the numbers of neither text are all in the
	// other: an item a journal prints in every volume ("Outside back
	// cover (contents). (2015). … Materials, 206, OBC." and "… 2016. 225.
	// . OBC") or the author's paper of that title in the next year.
	recurring := yearApart && numAgree < 0

	// decide gives the evidence of a pair whose texts share c of their
	// words, and whether it is one work, vaguely.
	decide := func(e, c float64) (evidence float64, vague, one bool) {
		switch {
		case e >= matchThreshold && !recurring && (strong || points >= 2 && !unplaced):
			return e, false, true
		case e >= matchThreshold && a.year != 0 && b.year != 0 && (c >= 0.9 || (a.noisy || b.noisy) && c >= 0.6 && m.sourcesMeet(a, b) && !titlesApart(a, b)) && m.weightOf(a, b) >= 6:
			// Only a year and an author or a source: the pair is one work only
			// if nothing else in the corpus could be (see matcher.cluster).
			// Misspellings lose words of a noisy text, so 0.6 of them shared
			// will do, where the sources do not differ nor the titles as
			// wholes.
			return e, true, true
		case (numAgree > 0 && numN >= 2 && c >= 0.5 || a.year != 0 && a.year == b.year && numAgree >= 0 && c >= 0.8) && sameLead(a, b) && !initialsDiffer(a, b):
			// Fields the parser misread from a noisy text leave the pair in
			// doubt, but what noise and misreading leave alone agrees: the
			// numbers (or the year), the first author (or the text's first
			// word) and most of the words. Two numbers, a year and a page,
			// may be another work's: such a pair joins only where nothing
			// else could.
			return max(e, matchThreshold), !numbersIdentify, true
		}
		return e, false, false
	}
	e, vague, one := decide(e, c)
	if !one && (a.noisy || b.noisy) && m.gramIDF != nil && c >= 0.3 {
		// Noise misspells words, not most of their trigrams: a noisy pair
		// the words turn down is decided again with the share of its
		// texts' trigrams (gramShare) where that is larger. Texts that
		// share less than 0.3 of their words are seldom one work, and
		// are spared the cost.
		if g := m.gramShare(a.textGrams, b.textGrams); g > c {
			if g >= 0.9 {
				agreed |= agreeText
			}
			e, vague, one = decide(e+wWords*(g-c), g)
		}
	}
	if !one {
		return verdict{}
	}
	rule := MatchFuzzy
	for _, k := range a.keys {
		if slices.Contains(b.keys, k) {
			rule = MatchKey
			break
		}
	}
	anchored := (a.doi != "" || a.id != "") != (b.doi != "" || b.id != "")
	return verdict{evidence: e, rule: rule, anchored: anchored, vague: vague, agreed: agreed, byNumbers: numbersIdentify}
}

// sourceSimilarity is SourceSimilarity of two source forms, memoised
// by their interned ids: a corpus names the same journals over and over.
func (m *matcher) sourceSimilarity(i, j int32, x, y []string) float64 {
	if i == j {
		return 1
	}
	key := uint64(uint32(min(i, j)))<<32 | uint64(uint32(max(i, j)))
	if v, ok := m.srcSim[key]; ok {
		return v
	}
	v := SourceSimilarity(x, y)
	m.srcSim[key] = v
	return v
}

// sameAuthor reports whether two first authors have one family name, or
// are the same words with given and family names read the other way round
// ("Lifeng He" and "He Lifeng").
func sameAuthor(a, b *profile) bool {
	return sameFamily(a.fams, a.nameWords, b.fams, b.nameWords)
}

// sameFamily reports whether two first authors, given by their family
// variants and name words, have one family name: shared, read the other
// way round, or compound on one side.
func sameFamily(famsA, wordsA, famsB, wordsB []string) bool {
	return meet(famsA, famsB) || meet(famsA, wordsB) && meet(famsB, wordsA) || compoundOf(famsA, famsB, wordsB) || compoundOf(famsB, famsA, wordsA)
}

// oneEdit reports whether x and y are one edit apart: a letter added,
// dropped or changed, or two neighbours swapped.
func oneEdit(x, y string) bool {
	if len(x) < len(y) {
		x, y = y, x
	}
	if len(x)-len(y) > 1 {
		return false
	}
	i := 0
	for i < len(y) && x[i] == y[i] {
		i++
	}
	switch {
	case i == len(y):
		return true
	case len(x) > len(y):
		return x[i+1:] == y[i:]
	case x[i+1:] == y[i+1:]:
		return true
	}
	// A swap of two neighbouring letters.
	return i+1 < len(y) && x[i] == y[i+1] && x[i+1] == y[i] && x[i+2:] == y[i+2:]
}

// compoundOf reports whether a family name of short is one word of a
// longer compound family of long, whose first author's name words are
// words ("Pino" of "Saul Pino", "Gniss" of "Konrad Gniss"); a name that
// only begins another is another name ("Shima" and "Shimatsu").
func compoundOf(short, long, words []string) bool {
	for _, y := range short {
		if len(y) < 4 || !slices.Contains(words, y) {
			continue
		}
		for _, x := range long {
			if len(x) > len(y) && (strings.HasPrefix(x, y) || strings.HasSuffix(x, y)) {
				return true
			}
		}
	}
	return false
}

// sourceWords are a source's words (SourceWords) without numbers and
// "n.d.", which a parser leaves in a source it cut too late; nil when no
// word of letters is left ("P79" and "24(63)" are misread locators).
var locatorLabels = map[string]bool{"n": true, "d": true, "p": true, "pp": true, "v": true, "vol": true, "no": true, "art": true}

func sourceWords(s string) []string {
	var out []string
	letters := false
	for _, w := range SourceWords(s) {
		if locatorLabels[w] || isDigits(w) {
			continue
		}
		out = append(out, w)
		if len(w) >= 2 && !strings.ContainsAny(w, "0123456789") {
			letters = true
		}
	}
	if !letters {
		return nil
	}
	return out
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func meet(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// partOf reports whether a family name of short is part of a longer one
// of long.
func partOf(short, long []string) bool {
	for _, x := range short {
		for _, y := range long {
			if len(y) > len(x) && strings.Contains(y, x) {
				return true
			}
		}
	}
	return false
}

// familyIn reports whether a's first author's family name is written in
// b's text (writtenIn).
func familyIn(a, b *profile) bool { return writtenIn(a.fams, b) }

// writtenIn reports whether one of the names is written in p's text: a
// name of four letters or more anywhere in it, a shorter one as a word
// of it.
func writtenIn(names []string, p *profile) bool {
	for _, f := range names {
		if len(f) >= 4 && strings.Contains(p.tight, f) || len(f) >= 2 && slices.Contains(p.textWords, f) {
			return true
		}
	}
	return false
}

// Outcomes of comparing a volume or a page.
const (
	locUnknown = iota // neither text tells
	locSame           // both parsed, equal
	locFound          // one side's value is among the other text's numbers
	locDiffer         // both parsed, different, neither found in the other text
)

// A locatorKind is a volume or a first page.
type locatorKind int

const (
	volumeLocator locatorKind = iota
	pageLocator
)

// locator compares the volumes or first pages of a and b; a value is
// looked for in the other text only when it has at least two characters
// (a volume) or three (a page): "1" is found anywhere.
func (m *matcher) locator(a, b *profile, kind locatorKind) int {
	x, y, xNum, yNum, minLen := a.vol, b.vol, a.volNum, b.volNum, 2
	if kind == pageLocator {
		x, y, xNum, yNum, minLen = a.page, b.page, a.pageNum, b.pageNum, 3
	}
	switch {
	case x != "" && y != "" && (x == y || samePage(x, y) || kind == pageLocator && (a.noisy || b.noisy) && gluedRange(x, y)):
		return locSame
	case x == "" && y == "":
		return locUnknown
	}
	xInB, yInA := m.numIn(b, x, xNum), m.numIn(a, y, yNum) // each looked up once: most compared pairs come here
	switch {
	case len(x) >= minLen && xInB || len(y) >= minLen && yInA:
		return locFound
	case x != "" && y != "" && !xInB && !yInA:
		return locDiffer
	}
	return locUnknown
}

// numIn reports whether the digits of a locator v ("s213" → 213), number
// id among the tokens' or -1 to look up, are among p's numbers.
func (m *matcher) numIn(p *profile, v string, id int32) bool {
	if id < 0 {
		if id = m.tok.locatorNumber(v); id < 0 {
			return false
		}
	}
	_, found := slices.BinarySearch(p.nums, id)
	return found
}

// samePage compares first pages, an article number "e1234" meeting "1234",
// a page misread "S41" meeting "541".
func samePage(a, b string) bool {
	if a == b || sameLookAlike(a, b) {
		return true
	}
	return strings.TrimLeft(a, "aes") == strings.TrimLeft(b, "aes") && strings.TrimLeft(a, "aes") != ""
}

// gluedRange reports whether one first page is the other run together
// with the range's last page, the dash lost to noise: "311312" for
// "311–312", "144a145a" for "144a–145a". The last page has the first's
// length and is not before it.
func gluedRange(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := len(a)
	return n >= 2 && len(b) == 2*n && (b[:n] == a || sameLookAlike(b[:n], a)) && b[n:] >= a
}

// containment is the idf-weighted share of the lighter word set found in
// the other.
func (m *matcher) containment(a, b []int32) float64 {
	return weightedContainment(a, b, m.tok.idf, 0)
}

// weightedContainment is the weighted share of the lighter of two sorted
// sets found in the other, element x weighing weights[x>>shift].
func weightedContainment[T int32 | uint32, W float32 | float64](a, b []T, weights []W, shift uint) float64 {
	var wa, wb, both float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			wa += float64(weights[uint32(a[i])>>shift])
			i++
		case i == len(a) || b[j] < a[i]:
			wb += float64(weights[uint32(b[j])>>shift])
			j++
		default:
			w := float64(weights[uint32(a[i])>>shift])
			wa += w
			wb += w
			both += w
			i++
			j++
		}
	}
	if lighter := min(wa, wb); lighter > 0 {
		return both / lighter
	}
	return 0
}

// weightOf is the idf weight of the words two profiles share.
func (m *matcher) weightOf(a, b *profile) float64 {
	w := 0.0
	i, j := 0, 0
	for i < len(a.words) && j < len(b.words) {
		switch {
		case a.words[i] < b.words[j]:
			i++
		case a.words[i] > b.words[j]:
			j++
		default:
			w += m.tok.idf[a.words[i]]
			i++
			j++
		}
	}
	return w
}

// numbersAgree compares the numbers of two texts: 1 when the smaller set
// (of at least two) lies inside the other, -1 when it holds a number the
// other lacks, 0 when there is too little to tell; and the size of the
// smaller set.
func numbersAgree(a, b []int32) (int, int) {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 2 {
		return 0, len(a)
	}
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); !ok {
			return -1, len(a)
		}
	}
	return 1, len(a)
}

// titlesApart reports whether two descriptions both have titles and, as
// wholes, most of their trigrams differ (their Dice coefficient under
// 0.5): titles that share a long phrase ("uniaxial in-plane
// magnetocrystalline anisotropy") but not the rest.
func titlesApart(a, b *profile) bool {
	if len(a.title) < 4 || len(b.title) < 4 {
		return false
	}
	dice, _ := GramOverlap(a.title, b.title)
	return dice < 0.5
}

// titleSim is the similarity of two title sketches: their Dice
// coefficient, or for titles long enough the containment of the shorter
// (a title cut short or without its subtitle).
func titleSim(a, b []uint32) float64 {
	dice, cont := GramOverlap(a, b)
	if min(len(a), len(b)) >= 12 {
		return max(dice, cont-0.05)
	}
	return dice
}

// titleInText is the share of a's title found in b's whole text.
func (m *matcher) titleInText(a, b *profile) float64 {
	if len(a.title) < 4 {
		return 0
	}
	if b.textGrams == nil {
		b.textGrams = TightGrams(b.tight)
		if b.textGrams == nil {
			b.textGrams = []uint32{}
		}
	}
	// The containment of the smaller set, as the share of a's title.
	_, c := GramOverlap(a.title, b.textGrams)
	return c * float64(min(len(a.title), len(b.textGrams))) / float64(len(a.title))
}
