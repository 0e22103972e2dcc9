package refparse

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A locator is the run of numbers at the end of a reference that says where
// the work was printed: "2020, 15(3): 371-382" (GB/T 7714),
// "15(3), 371–382" (APA), "2020;15(3):371-82" (Vancouver),
// "2020, 15, 371" (ACS), "15 (2020) 371" (Elsevier), "15, no. 3 (2020):
// 371–82" (Chicago), "vol. 15, no. 3, pp. 371–382, 2020" (IEEE).
//
// The locator is found by turning the tail of the text into a shape, one
// symbol a token, and matching the shape against the patterns below:
//
//	Y  a year (1500–2099, "2020a")   N  another number ("15", "e123", "S57")
//	R  a range ("371-382", "vii–viii") v  "vol.", "Vol", "volume", "Bd."
//	n  "no.", "issue", "Heft"        p  "p.", "pp.", "pages"
//	s  "Suppl"                       m  a month or season
//	E  a date ("2000-11-20")         D  "n.d." (no date)
//
// and the punctuation , ; : . ( ) [ ] / as itself. A word that is none of
// these ends the shape, so a shape is what follows the last word.
type locator struct {
	start   int // byte offset where the locator starts
	year    int
	volume  string
	issue   string
	pages   string
	journal bool // it gives a volume, an issue or a journal's pages
}

// tailTok is one token of a locator.
type tailTok struct {
	sym        byte
	start, end int
}

// maxTailToks bounds the tokens of a locator; a longer run of numbers is
// not a locator and only its end is read.
const maxTailToks = 40

// Pattern pieces: {V} a volume, {I} an issue, {P} pages, {M} a month or
// a range of months ("September / October").
var locatorPatterns = sync.OnceValue(func() *regexp.Regexp {
	r := strings.NewReplacer(
		"{V}", `[NY]`,
		"{I}", `(?:s?[NR](?:/N)?|s)`,
		"{P}", `[NRY]`,
		"{M}", `(?:(?:m[/-]?)+)`,
	)
	alts := []string{
		// GB/T 7714: ", 2020, 15(3): 371-382", ", 2021, (7): 33-40", ", 2020, 7: 124".
		`[,.]?(?P<y_a1>Y)[,.;](?P<v_a1>{V})?(?:\((?P<i_a1>{I})\))?:(?P<p_a1>{P})`,
		// GB/T 7714 without volume: ", 2021(7): 33-40".
		`[,.]?(?P<y_a16>Y)\((?P<i_a16>{I})\):(?P<p_a16>{P})`,
		// GB/T 7714 newspapers: ", 2000-11-20(15)"; online first: ", 2024-05-09".
		`[,.]?(?P<y_a17>E)(?:\((?P<p_a17>N)\))?`,
		// ", 2020, 15(3), 371-382"
		`[,.]?(?P<y_a0>Y),(?P<v_a0>{V})\((?P<i_a0>{I})\),p?(?P<p_a0>{P})`,
		// GB/T without pages: ", 2020, 15(3)", ", 2021, (7)".
		`[,.]?(?P<y_a2>Y),(?:(?P<v_a2>{V})(?:\((?P<i_a2>{I})\))?|\((?P<j_a2>{I})\))`,
		// GB/T 7714 books: "Beijing: Current Affairs Press, 2007: 32".
		`[,.]?(?P<y_a3>Y):(?P<p_a3>{P})`,
		// Vancouver: ". 2020;15(3):371-82", ". 2020 Mar 5;15:e123".
		`[,.]?(?P<y_a4>Y)(?:{M}[NR]?)?;(?P<v_a4>{V})?(?:\((?P<i_a4>{I})\))?(?::(?P<p_a4>{P}))?`,
		// Volume, issue, year, pages: ", 21(12), 1986, 37-79", ", 6(3), 1993, pp. 141-154".
		`,?(?P<v_f1>N)(?:\((?P<i_f1>{I})\))?,(?P<y_f1>Y),p?(?P<p_f1>{P})`,
		// Year then pages (a volume named by its year when the year is
		// known already): ", 1989, pp. 292-302", ", 2015, 1–8".
		`[,.]?(?P<q_g1>Y),p?(?P<p_g1>{P})`,
		// The same, the comma lost: " 1989 791–792".
		`(?P<q_g2>Y)p?(?P<p_g2>R)`,
		// Volume and a year (the pages when the year is known already):
		// ", 32, 1987", " 47 (1), 2020".
		`,?(?P<v_a15>N)(?:\((?P<i_a15>{I})\))?,(?P<r_a15>Y)`,
		// APA, Scopus: ", 47(15), 9967–9970", ", 56, p. 1518", ", 15 (3), pp. 371-382",
		// and without the comma: " 106, 4894–4899", " 14: 87-90", " 38 39-41", " 1 pp. 35-50".
		`,?(?P<v_a5>{V})(?:\((?P<i_a5>{I})\))?(?:[,:]p?(?P<p_a5>{P})|p?(?P<p_a5b>R)|p(?P<p_a5c>{P}))`,
		`,?(?P<v_a12>{V})\((?P<i_a12>{I})\)\.p?(?P<p_a12>{P})`,
		// Text from a PDF loses the bracket after the issue: ", 12(5, 235–239", ", 88(3".
		`,(?P<v_a18>{V})\((?P<i_a18>{I})(?:,p?(?P<p_a18>{P}))?`,
		// Volume:issue, pages: " 28: 3, 710–740".
		`,?(?P<v_a10>{V}):(?P<i_a10>{I}),p?(?P<p_a10>[NR])`,
		// Pages on two places: ", 76(2), pp. 1, 5", ", 73(1), 1,5", ", p. 1,3".
		`,?(?P<v_a13>N)(?:\((?P<i_a13>{I})\))?,p?(?P<p_a13>[NR]),N`,
		`[,.]?p(?P<p_a14>[NR]),N`,
		// Issue alone and pages: " cadres(58), pp. 45-46".
		`,?\((?P<i_a11>{I})\)[,:]p?(?P<p_a11>{P})`,
		// Volume and issue: ", 15(3)", " 4 (2)", ", 13(4), May 1995".
		`,?(?P<v_a6>{V})\((?P<i_a6>{I})\)(?:,{M}N?,?(?P<y_a6>Y))?`,
		// ACS, Scopus new: " 2020, 15, 371", " 2020, 15 (3), 371-382", " 2012, 6", " 2014, 3–6".
		`(?P<y_a7>Y),(?P<v_a7>[NYR])(?:\((?P<i_a7>{I})\))?,p?(?P<p_a7>{P})`,
		`(?P<y_a8>Y),(?P<v_a8>N)`,
		// Read from a PDF, the comma after the volume made a stop: " 2015, 37. 237–252".
		`(?P<y_a20>Y),(?P<v_a20>N)(?:\((?P<i_a20>{I})\))?\.p?(?P<p_a20>[NR])`,
		`(?P<y_a9>Y),(?P<p_a9>R)`,
		// Elsevier: " 47 (1993) 9967", " (1970) 223", " 47 (1993)", " 72 (1993), 2-23", " 347, (1995), 2235-2243".
		`,?(?P<v_b1>{V})?,?\({M}?(?:(?P<y_b1>Y)|D)\),?p?(?P<p_b1>{P})?`,
		// Elsevier read from a PDF, a bracket lost: " 47 (1993 9967", " 47 1993) 9967",
		// " (2012 220", " (n.d. 1".
		`,?(?P<v_b4>{V})\((?P<y_b4>Y),?p?(?P<p_b4>{P})`,
		`,?(?P<v_b5>{V})(?P<y_b5>Y)\),?p?(?P<p_b5>{P})`,
		`\((?:(?P<y_b6>Y)|D)(?P<p_b6>[NR])`,
		// Both brackets lost: " 45 2007 372".
		`(?P<v_b8>N)(?P<y_b8>Y)(?P<p_b8>[NR])`,
		`(?:(?P<y_b7>Y)|D)\)(?P<p_b7>[NR])`,
		// ACM: " 36, 3 (1988), 454-469", " 8, 4 (Dec. 1995), 343-356", " 16, 1, (May 1988), 104-113".
		`,?(?P<v_b2>{V}),(?P<i_b2>{I}),?\({M}?(?P<y_b2>Y)\),p?(?P<p_b2>{P})`,
		// Year last in brackets: ", 27, 259-316 (1962)", " 20(2), pp. 155-183 (1995)", " 96, 216407 (2006)".
		`,?(?P<v_b3>{V})(?:\((?P<i_b3>{I})\))?,?p?(?P<p_b3>{P})\({M}?(?P<y_b3>Y)\)`,
		// Chicago: " 15, no. 3 (2020): 371–82", " 37 (February 1931): 269".
		`,?(?P<v_c1>{V})(?:,n(?P<i_c1>{I})|\((?P<j_c1>{I})\))?\({M}?N?,?(?P<y_c1>Y)\)(?:[:,]p?(?P<p_c1>{P}))?`,
		// Issue in brackets and pages: " 144 (1–2): 101–124".
		`,?(?P<v_c2>{V})\((?P<i_c2>{I})\):p?(?P<p_c2>{P})`,
		// Crossref's degraded style: ". 1993. 47. 15. 9967-9970", ". 2018. 9. 45"
		// (its empty fields at the end are trimmed before the locator is read).
		// Text from a PDF loses a full stop: ". Theology 1956. 10. 2. 248-250".
		`\.?(?P<y_d1>Y)\.(?P<v_d1>{V})?\.(?P<i_d1>{I})?\.(?P<p_d1>{P})?`,
		`\.(?P<y_d2>Y)\.(?P<v_d2>{V})(?:\.(?P<i_d2>{I}))?`,
		// Keywords: ", vol. 15, no. 3, pp. 371–382, 2020", ", Vol. 74, No. 5, September 1995, pp. 54-67".
		`[,.]?v(?P<v_k1>[NYR])(?:\((?P<i_k1>{I})\)|[,.]?n(?P<j_k1>{I}))?(?:[,.]?\(?{M}?(?P<y_k1>Y)\)?)?(?:[,.:]?p?(?P<p_k1>{P}))?(?:[,.]?{M}?N?,?(?P<z_k1>Y))?`,
		// ", 15, no. 3, 371–382"
		`,?(?P<v_k2>{V}),n(?P<i_k2>{I})(?:,\(?{M}?(?P<y_k2>Y)\)?)?(?:[,:]p?(?P<p_k2>{P}))?`,
		// ", pp. 1761–1800", ", pages 185-197, June 1990".
		`[,.]?p(?P<p_k3>{P})(?:[,.]{M}?N?,?(?P<y_k3>Y))?`,
		// Year last: ", 2(1) 39-66, 1993", ", 81(4):044005, 2010", " 9, pp. 160-168, 1991".
		`,?(?P<v_e1>{V})(?:\((?P<i_e1>{I})\))?[:,]?p?(?P<p_e1>{P}),{M}?N?,?(?P<y_e1>Y)`,
		// " 106, 1986, p. 31-44"
		`,?(?P<v_e2>N),(?P<y_e2>Y),p(?P<p_e2>{P})`,
		// A date: ", April 2, 2004, A44", ", June 1990".
		`[,.]?{M}(?:N,?)?(?P<y_e4>Y)(?:,p?(?P<p_e4>{P}))?`,
		// A year alone: ", 2022", " 2014", " (2000)".
		`[,.]?\(?(?P<y_y1>Y)\)?`,
		// Pages alone: " 129–146".
		`[,.]?(?P<p_r1>R)`,
	}
	for i, a := range alts {
		alts[i] = r.Replace(a)
	}
	return regexp.MustCompile(`(?:` + strings.Join(alts, `|`) + `)$`)
})

// locatorGroups maps each capture group of locatorPatterns to the field it
// fills: 'y' year, 'v' volume, 'i' issue, 'p' pages.
var locatorGroups = sync.OnceValue(func() []byte {
	names := locatorPatterns().SubexpNames()
	g := make([]byte, len(names))
	for i, n := range names {
		if n == "" {
			continue
		}
		switch n[0] {
		case 'q', 'r':
			g[i] = n[0]
		case 'y', 'z':
			g[i] = 'y'
		case 'v':
			g[i] = 'v'
		case 'i', 'j':
			g[i] = 'i'
		case 'p':
			g[i] = 'p'
		}
	}
	return g
})

// findLocator finds the locator at the end of s. knownYear is the year
// found before it, if any.
func findLocator(s string, knownYear int) (locator, bool) {
	var buf [maxTailToks]tailTok
	toks := tailTokens(s, buf[:0])
	if len(toks) == 0 {
		return locator{}, false
	}
	var shapeBuf [maxTailToks]byte
	shape := shapeBuf[:len(toks)]
	for i := range toks {
		shape[i] = toks[i].sym
	}
	if n := len(shape); n >= 2 && shape[n-1] == 'v' && shape[n-2] == ')' {
		// "Polymer 86 (2016) v": the page after the year, not "vol.".
		shape[n-1] = 'N'
	}
	sm := matchShape(shape)
	if sm.start < 0 {
		return locator{}, false
	}
	loc := locator{start: toks[sm.start].start}
	for _, g := range sm.groups[:sm.n] {
		text := s[toks[g.from].start:toks[g.to-1].end]
		switch g.field {
		case 'q':
			if knownYear != 0 {
				loc.volume = text
				loc.journal = true
			} else if len(text) >= 4 {
				loc.year, _ = strconv.Atoi(text[:4])
			}
		case 'r':
			if knownYear != 0 {
				loc.pages = text
			} else if len(text) >= 4 {
				loc.year, _ = strconv.Atoi(text[:4])
			}
		case 'y':
			if loc.year == 0 && len(text) >= 4 {
				loc.year, _ = strconv.Atoi(text[:4])
			}
		case 'v':
			loc.volume = text
			loc.journal = true
		case 'i':
			loc.issue = text
			loc.journal = true
		case 'p':
			loc.pages = normalizePages(text)
		}
	}
	return loc, true
}

// shapeMatch is where locatorPatterns matched a shape: the first token of
// the locator (-1 for no match) and the tokens of each field.
type shapeMatch struct {
	start  int8
	n      int8
	groups [8]shapeGroup
}

type shapeGroup struct {
	field    byte // 'y', 'v', 'i', 'p'; 'q' year or volume, 'r' year or pages
	from, to int8 // tokens [from, to)
}

// Shapes repeat from reference to reference (a few hundred cover most
// reference lists), and matching the pattern set costs more than the rest
// of the parse, so matches are remembered, up to shapeCacheMax shapes.
const shapeCacheMax = 1 << 13

var shapeCache = struct {
	sync.RWMutex
	m map[string]shapeMatch
}{m: map[string]shapeMatch{}}

// matchShape matches a shape against locatorPatterns.
func matchShape(shape []byte) shapeMatch {
	shapeCache.RLock()
	sm, ok := shapeCache.m[string(shape)]
	shapeCache.RUnlock()
	if ok {
		return sm
	}
	sm = shapeMatch{start: -1}
	if m := locatorPatterns().FindSubmatchIndex(shape); m != nil {
		groups := locatorGroups()
		sm.start = int8(m[0])
		for g := 1; g < len(groups) && int(sm.n) < len(sm.groups); g++ {
			if m[2*g] < 0 || groups[g] == 0 {
				continue
			}
			sm.groups[sm.n] = shapeGroup{field: groups[g], from: int8(m[2*g]), to: int8(m[2*g+1])}
			sm.n++
		}
	}
	shapeCache.Lock()
	if len(shapeCache.m) < shapeCacheMax {
		shapeCache.m[string(shape)] = sm
	}
	shapeCache.Unlock()
	return sm
}

// tailTokens tokenises s and returns the tokens after its last word.
func tailTokens(s string, toks []tailTok) []tailTok {
	i := 0
	for i < len(s) {
		c := s[i]
		switch c {
		case ' ':
			i++
			continue
		case ',', ';', ':', '(', ')', '[', ']', '/', '.':
			toks = pushTail(toks, tailTok{sym: c, start: i, end: i + 1})
			i++
			continue
		}
		j := i
		for j < len(s) && !isTailBreak(s[j]) {
			j++
		}
		chunk := s[i:j]
		// "731– 741", "60 -68": a dash at either end of a number is a
		// token of its own, so that the range can be mended.
		if r, n := utf8.DecodeRuneInString(chunk); n < len(chunk) && isDash(r) && isDigitByte(chunk[n]) {
			toks = pushTail(toks, tailTok{sym: '-', start: i, end: i + n})
			i += n
			chunk = chunk[n:]
		}
		if r, n := utf8.DecodeLastRuneInString(chunk); n < len(chunk) && isDash(r) && isDigitByte(chunk[len(chunk)-n-1]) {
			j -= n
			chunk = chunk[:len(chunk)-n]
		}
		core := strings.TrimRight(chunk, ".")
		dotted := len(core) < len(chunk)
		sym, kwEnd := classifyTailChunk(core)
		if sym == 'w' && isDashChunk(core) {
			sym = '-'
		}
		if sym == 'w' && lookAlikeInBrackets(s, i, j, toks) {
			sym = 'N' // "18(S), 364", ", S(6), 662": a digit read as a letter
		}
		switch {
		case sym == 'w':
			toks = toks[:0]
			if d := gluedNumber(core); d > 0 {
				// "Structure11 (2003) 605": text from a PDF lost the
				// space between the source and its volume.
				nsym, _ := classifyTailChunk(core[d:])
				toks = pushTail(toks, tailTok{sym: nsym, start: i + d, end: i + len(core)})
			}
		case kwEnd > 0:
			// "pp.1477-81": a keyword glued to its number.
			toks = pushTail(toks, tailTok{sym: sym, start: i, end: i + kwEnd})
			rest := core[kwEnd:]
			s2, _ := classifyTailChunk(rest)
			if s2 == 'w' || s2 == 0 {
				toks = toks[:0]
			} else {
				toks = pushTail(toks, tailTok{sym: s2, start: i + kwEnd, end: i + len(core)})
			}
		case isKeywordSym(sym) || sym == 'D':
			// The keyword's own dot ("pp.", "n.d.") is not punctuation.
			toks = pushTail(toks, tailTok{sym: sym, start: i, end: j})
			dotted = false
		default:
			toks = pushTail(toks, tailTok{sym: sym, start: i, end: i + len(core)})
		}
		if dotted {
			// The stop after a word or number: "Physical Review B. 1993."
			toks = pushTail(toks, tailTok{sym: '.', start: i + len(core), end: i + len(core) + 1})
		}
		i = j
	}
	return toks
}

// lookAlikeInBrackets reports whether s[i:j], a letter alone, is a
// look-alike of a digit where only a number goes: an issue in brackets
// after a volume ("18(S)"), or a volume before an issue in brackets after
// a comma (", S(6)").
func lookAlikeInBrackets(s string, i, j int, toks []tailTok) bool {
	if j != i+1 || LookAlikeDigit(s[i]) == 0 {
		return false
	}
	n := len(toks)
	if n >= 2 && toks[n-1].sym == '(' && toks[n-2].sym == 'N' && j < len(s) && s[j] == ')' {
		return true
	}
	return n >= 1 && toks[n-1].sym == ',' && j+1 < len(s) && s[j] == '(' && isDigitByte(s[j+1])
}

// gluedNumber returns where the number of a word run into a number
// begins ("Structure11", "Santé27", "BULLETIN1979", "C1989"): three
// letters or more, the last in lower case, then up to four digits, or
// letters then a year; 0 for any other chunk. Other upper case before the
// digits is a code or a formula ("MoS2", "COVID19", "H2O") and stays one
// word.
func gluedNumber(c string) int {
	d := len(c)
	for d > 0 && isDigitByte(c[d-1]) {
		d--
	}
	if d == 0 || d == len(c) || len(c)-d > 4 {
		return 0
	}
	last, _ := utf8.DecodeLastRuneInString(c[:d])
	if (utf8.RuneCountInString(c[:d]) < 3 || !unicode.IsLower(last)) && !IsYear(c[d:]) {
		return 0
	}
	if strings.IndexFunc(c[:d], func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return 0
	}
	return d
}

func pushTail(toks []tailTok, t tailTok) []tailTok {
	// "43 - 102": a range written with spaces.
	if n := len(toks); n >= 2 && (t.sym == 'N' || t.sym == 'Y') && toks[n-1].sym == '-' && (toks[n-2].sym == 'N' || toks[n-2].sym == 'Y') {
		toks[n-2].sym, toks[n-2].end = 'R', t.end
		return toks[:n-1]
	}
	if len(toks) == cap(toks) {
		// Too long to be a locator: keep the end.
		copy(toks, toks[1:])
		toks = toks[:len(toks)-1]
	}
	return append(toks, t)
}

func isTailBreak(c byte) bool {
	switch c {
	case ' ', ',', ';', ':', '(', ')', '[', ']', '/':
		return true
	}
	return false
}

// isDashChunk reports whether c is a dash alone, as in "43 - 102".
func isDashChunk(c string) bool {
	r, n := utf8.DecodeRuneInString(c)
	return n == len(c) && isDash(r)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func isKeywordSym(sym byte) bool {
	switch sym {
	case 'v', 'n', 'p', 's', 'm':
		return true
	}
	return false
}

// tailKeywords are the words a locator may hold, lower-cased, without dots.
var tailKeywords = map[string]byte{
	"vol": 'v', "vols": 'v', "volume": 'v', "v": 'v', "bd": 'v', "jg": 'v', "tome": 'v',
	"no": 'n', "nos": 'n', "nr": 'n', "num": 'n', "number": 'n', "issue": 'n', "iss": 'n', "heft": 'n',
	"pp": 'p', "p": 'p', "pg": 'p', "pgs": 'p', "page": 'p', "pages": 'p', "art": 'p', "article": 'p',
	"suppl": 's', "supplement": 's', "sup": 's',
	"jan": 'm', "january": 'm', "feb": 'm', "february": 'm', "mar": 'm', "march": 'm', "apr": 'm', "april": 'm',
	"may": 'm', "jun": 'm', "june": 'm', "jul": 'm', "july": 'm', "aug": 'm', "august": 'm', "sep": 'm',
	"sept": 'm', "september": 'm', "oct": 'm', "october": 'm', "nov": 'm', "november": 'm', "dec": 'm',
	"december": 'm', "spring": 'm', "summer": 'm', "autumn": 'm', "fall": 'm', "winter": 'm',
}

// IsMonth reports whether word, in any case and without its stop, names a
// month or a season, as references date an issue or a meeting ("Aug",
// "December", "Spring").
func IsMonth(word string) bool { return tailKeywords[strings.ToLower(word)] == 'm' }

// classifyTailChunk returns the symbol of a chunk (without trailing dots),
// or 'w' for a word. For a keyword glued to a number ("pp.1477"), it also
// returns where the keyword ends.
func classifyTailChunk(c string) (sym byte, kwEnd int) {
	if c == "" {
		return 'w', 0
	}
	if isLocatorNumber(c) {
		if IsYear(c) {
			return 'Y', 0
		}
		return 'N', 0
	}
	if isRange(c) {
		return 'R', 0
	}
	if c == "n.d" || c == "n. d" || c == "s.d" || c == "nd" {
		return 'D', 0 // no date
	}
	if isISODate(c) {
		return 'E', 0
	}
	if len(c) <= 10 {
		var low [16]byte
		n := 0
		ascii := true
		for i := 0; i < len(c); i++ {
			b := c[i]
			if b >= utf8.RuneSelf {
				ascii = false
				break
			}
			if b >= 'A' && b <= 'Z' {
				b += 'a' - 'A'
			}
			low[n] = b
			n++
		}
		if ascii {
			if k := tailKeywords[string(low[:n])]; k != 0 {
				return k, 0
			}
			// "pp.1477-81", "p.12", "No.3"
			if d := strings.IndexByte(c, '.'); d > 0 && d+1 < len(c) {
				if k := tailKeywords[string(low[:d])]; k != 0 && k != 'm' {
					return k, d + 1
				}
			}
		} else {
			// "n°", "nº", "N°", "№", glued to the number or not.
			for _, p := range []string{"n°", "nº", "N°", "Nº", "№"} {
				if strings.HasPrefix(c, p) {
					if len(c) == len(p) {
						return 'n', 0
					}
					return 'n', len(p)
				}
			}
		}
	}
	if IsRoman(c) {
		return 'N', 0 // a page or volume in roman numerals: "II", "xii"
	}
	return 'w', 0
}

// isLocatorNumber reports whether c is a volume, issue or page number:
// digits with up to two letters before and one after ("15", "S57",
// "e1004", "15A", "2020a"), or two runs of digits joined by a letter, a
// dot or an underscore ("17E526", "1211.10", "106_1").
func isLocatorNumber(c string) bool {
	i := 0
	for i < len(c) && i < 2 && isASCIILetter(c[i]) {
		i++
	}
	j := i
	for j < len(c) && c[j] >= '0' && c[j] <= '9' {
		j++
	}
	if j == i || j-i > 16 {
		return false
	}
	if j+1 < len(c) && (isASCIILetter(c[j]) || c[j] == '.' || c[j] == '_') && c[j+1] >= '0' && c[j+1] <= '9' {
		k := j + 1
		for k < len(c) && c[k] >= '0' && c[k] <= '9' {
			k++
		}
		if k-j-1 > 9 {
			return false
		}
		j = k
	}
	if j < len(c) && isASCIILetter(c[j]) {
		j++
	}
	if j+2 < len(c) && c[j] == '.' && c[j+1] == 'e' && isDigitByte(c[j+2]) {
		// Cell Press's supplementary pages: the "1387.e19" of "1373–1387.e19".
		j += 2
		for j < len(c) && isDigitByte(c[j]) {
			j++
		}
	}
	return j == len(c)
}

// IsYear reports whether c is a year: four digits from 1500 to 2099,
// perhaps followed by a letter ("2020a").
func IsYear(c string) bool {
	if len(c) != 4 && !(len(c) == 5 && c[4] >= 'a' && c[4] <= 'z') {
		return false
	}
	if !isDigits(c[:4]) {
		return false
	}
	return c[0] == '1' && c[1] >= '5' || c[0] == '2' && c[1] == '0'
}

// isISODate reports whether c is a date "2000-11-20" or "2000-11".
func isISODate(c string) bool {
	if len(c) != 7 && len(c) != 10 || !IsYear(c[:4]) || c[4] != '-' || !isDigits(c[5:7]) {
		return false
	}
	return len(c) == 7 || c[7] == '-' && isDigits(c[8:10])
}

// isRange reports whether c is a page range: two numbers, or two roman
// numerals, joined by a dash.
func isRange(c string) bool {
	i := strings.IndexFunc(c, isDash)
	if i <= 0 {
		return false
	}
	_, n := utf8.DecodeRuneInString(c[i:])
	a, b := c[:i], c[i+n:]
	if b == "" {
		return false
	}
	if isLocatorNumber(a) && isLocatorNumber(b) {
		return true
	}
	if a == "no" && b == "no" {
		return true // Crossref's "no–no": pages unknown
	}
	return IsRoman(a) && IsRoman(b)
}

func isDash(r rune) bool {
	switch r {
	case '-', '–', '—', '‐', '‑', '−':
		return true
	}
	return false
}

// isPageRangeMark reports whether r joins the pages of a range: a dash or
// a wave dash.
func isPageRangeMark(r rune) bool {
	return isDash(r) || r == '~' || r == '～' || r == '〜'
}

func IsRoman(s string) bool {
	if s == "" || len(s) > 8 {
		return false
	}
	lower := s[0] >= 'a'
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'i', 'v', 'x', 'l', 'c':
			if !lower {
				return false
			}
		case 'I', 'V', 'X', 'L', 'C':
			if lower {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// normalizePages writes a page range with an ASCII hyphen and no spaces:
// "371–382" → "371-382"; "7～22" (GB/T 7714-1987 and Japanese lists
// write a range with a wave dash) → "7-22".
func normalizePages(p string) string {
	p = strings.TrimSpace(p)
	if strings.IndexFunc(p, func(r rune) bool { return r == ' ' || r != '-' && isPageRangeMark(r) }) < 0 {
		return p
	}
	var b strings.Builder
	b.Grow(len(p))
	for _, r := range p {
		switch {
		case r == ' ':
		case isPageRangeMark(r):
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Keyword locators anywhere in the text, for the references whose locator
// is not at the end ("(Vol. 3, pp. 1761–1800). London: Elsevier.").
var (
	kwVolume = regexp.MustCompile(`(?i)\b(?:vol|volume|bd)\.?\s*([0-9]+[A-Za-z]?|[ivxlc]+)\b`)
	kwIssue  = regexp.MustCompile(`(?i)\b(?:no|issue|nr|heft)\.?\s*([0-9]+(?:[-–/][0-9]+)?)\b`)
	kwPages  = regexp.MustCompile(`\b(?:pp?|pages?|S)\.?\s*([A-Za-z]?[0-9]+[A-Za-z]?(?:\s*[-–—‐]\s*[A-Za-z]?[0-9]+[A-Za-z]?)?)\b`)
)

// keywordLocator fills the locator fields a text names with keywords.
func keywordLocator(s string, loc *locator) {
	if !strings.ContainsAny(s, "0123456789") {
		return
	}
	if loc.volume == "" {
		if m := kwVolume.FindStringSubmatch(s); m != nil {
			loc.volume = m[1]
		}
	}
	if loc.issue == "" {
		if m := kwIssue.FindStringSubmatch(s); m != nil {
			loc.issue = m[1]
		}
	}
	if loc.pages == "" {
		if m := kwPages.FindStringSubmatch(s); m != nil {
			loc.pages = normalizePages(m[1])
		} else if r := lastPageRange(s); r != "" {
			loc.pages = r
		}
	}
}

// pageRange matches a bare range of numbers after a comma or colon:
// ", 238-252.", ": 62–9".
var pageRange = regexp.MustCompile(`[,:] (\d{1,6})\s?[-–—]\s?(\d{1,6})(?:$|[,.;])`)

// lastPageRange returns the last bare page range of s ("edited by X,
// 238-252. Cambridge: …"), skipping ranges of years ("1849–1933",
// "1767-94") and what cannot be pages ("318-02").
func lastPageRange(s string) string {
	if !strings.ContainsAny(s, "-–—") {
		return ""
	}
	ms := pageRange.FindAllStringSubmatch(s, 8)
	for k := len(ms) - 1; k >= 0; k-- {
		a, b := ms[k][1], ms[k][2]
		if IsYear(a) {
			continue
		}
		// "1477-81" abbreviates the last page; otherwise it must follow the first.
		if len(b) > len(a) || len(b) == len(a) && b > a || len(b) < len(a) && b[0] != '0' {
			return a + "-" + b
		}
	}
	return ""
}

// lastYear returns the last year in s that stands alone: not part of a
// longer number, a page range or a word, nor an end of pages, the pages
// the locator read ("39(5), 1951–1962"; "" for none).
func lastYear(s, pages string) int {
	for end := len(s); end >= 4; {
		i := strings.LastIndexFunc(s[:end], unicode.IsDigit)
		if i < 0 {
			return 0
		}
		j := i + 1
		k := i
		for k > 0 && s[k-1] >= '0' && s[k-1] <= '9' {
			k--
		}
		end = k
		if j-k != 4 || !IsYear(s[k:j]) {
			continue
		}
		if k > 0 && (isASCIILetter(s[k-1]) || s[k-1] == '-' || s[k-1] == '/' || s[k-1] == '.' && k > 1 && s[k-2] >= '0' && s[k-2] <= '9') {
			continue
		}
		if j < len(s) && (s[j] == '-' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' || s[j] >= '0' && s[j] <= '9') {
			continue
		}
		if j+1 < len(s) && isASCIILetter(s[j]) && isASCIILetter(s[j+1]) {
			continue // part of a word or code: "1933OC", "2018th"; "2020a", "1971B" stay years
		}
		if notYearBefore.MatchString(s[:k]) || isPagesEnd(pages, s[k:j]) {
			continue
		}
		y, _ := strconv.Atoi(s[k:j])
		return y
	}
	return 0
}

// isPagesEnd reports whether n is the first or the last page of pages.
func isPagesEnd(pages, n string) bool {
	first, last, _ := strings.Cut(pages, "-")
	return pages != "" && (n == first || n == last)
}

// notYearBefore matches what makes the four digits after it no year of
// publication: a page mark ("IEEE Trans. Magn, 37, p. 1558") or a span in a
// title ("Energy outlook to 2030").
var notYearBefore = regexp.MustCompile(`(?i)(?:\bpp?\.\s?|\b(?:to|until|till|through|towards|beyond)\s)$`)
