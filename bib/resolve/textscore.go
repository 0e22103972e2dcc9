package resolve

import (
	"math"
	"strings"
)

// Text-level scoring: a second look at a pair the field scoring turned
// down, for texts that show noise. Extraction from PDFs and OCR misspell
// names, run words together and misread digits, and the parser then takes
// an author list for a title or loses the year, so that the fields
// disagree where the texts still say one work. The whole texts are
// compared as sketches of character trigrams (TightGrams of the folded
// text, which spacing and case do not change), each trigram weighted by
// its rarity in the corpus, as Christen's q-gram comparison of records
// does (Data Matching, Springer 2012, doi:10.1007/978-3-642-31164-2,
// ch. 5); and what noise leaves alone must agree: the year within one, the
// volume and first page, and the numbers of the shorter text, all found
// in the other.
//
// A text is noisy (profile.noisy) when look-alike letters and digits are
// read back in it or the corrector mends its words; clean texts never take
// these paths. Within a cluster (group.agrees) a noisy link that names one
// place of print, a volume and a page (locate), speaks for names and
// titles noise misread; noisy titles agree at lower similarities, and
// first names at one edit more (misreadFamily); a noisy text's year is the
// one it prints in brackets or outside page ranges (printedYear).

// The table counting in how many texts each trigram occurs is indexed by
// the trigram hash's top bits, 2^16 to 2^20 buckets, sixteen or more a text
// (a text has some hundred trigrams, most of them shared): collisions only
// make a few rare trigrams look commoner.
const (
	minGramBits = 16
	maxGramBits = 20
)

// Thresholds of the text verdict: the rarity-weighted share of the
// shorter text's trigrams found in the other.
const (
	textMinShareUnnamed = 0.6 // numbers that identify, without the same first name
	textMinShareVague   = 0.6 // a year and the first name, no other number
	textMinShareAligned = 0.5 // … and sources that align, one side without a title
)

// Titles of noisy texts agree at lower similarities: 5% of characters
// edited break a quarter of a title's trigrams on each side.
const (
	noisyTitleSim    = 0.35
	noisyTitleInText = 0.5
)

// countGrams counts the texts each trigram occurs in, for gramShare:
// only when some text is noisy, the only texts compareText reads.
func (m *matcher) countGrams() {
	noisy := false
	for i := range m.nodes {
		noisy = noisy || m.nodes[i].p.noisy
	}
	if !noisy {
		return
	}
	bits := minGramBits
	for bits < maxGramBits && 1<<bits < 16*len(m.nodes) {
		bits++
	}
	m.gramShift = 32 - uint(bits)
	df := make([]uint16, 1<<bits)
	for i := range m.nodes {
		for _, g := range m.nodes[i].p.textGrams {
			if d := &df[g>>m.gramShift]; *d < math.MaxUint16 {
				*d++
			}
		}
	}
	w := make([]float32, len(df))
	n := float64(len(m.nodes))
	for i, d := range df {
		w[i] = float32(math.Log(1 + n/float64(max(d, 1))))
	}
	m.gramIDF = w
}

// gramShare is the rarity-weighted share of the lighter of two trigram
// sketches found in the other.
func (m *matcher) gramShare(a, b []uint32) float64 {
	return weightedContainment(a, b, m.gramIDF, m.gramShift)
}

// compareText is the text verdict on a pair compare turned down. What
// noise leaves alone must agree: the year within one, and no volume or
// first page that differs unless the numbers of one text are all in the
// other (the parser misread one); then two numbers besides the year (a
// volume and a page) found in both texts, with the same first name
// (sameLead) or most of the shorter text, identify the work; one such
// number with the first name (or, where one side names no author, most of
// the text), or only the year with the first name and most of the text
// (half of it where one side has no title, whose words the other's text
// holds, and the sources align), may be another work's, and join only
// where nothing else could (verdict.vague).
func (m *matcher) compareText(a, b *profile) verdict {
	if a.id != "" && b.id != "" || a.doi != "" && b.doi != "" {
		return verdict{} // identifiers decide
	}
	if m.correctsOther(a, b) {
		return verdict{}
	}
	if a.year != 0 && b.year != 0 && abs(a.year-b.year) > 1 {
		return verdict{}
	}
	agree, n := numbersAgree(a.nums, b.nums)
	if agree <= 0 && (m.locator(a, b, volumeLocator) == locDiffer || m.locator(a, b, pageLocator) == locDiffer) {
		return verdict{}
	}
	shared, longest := m.sharedNumbers(a, b)
	lead := sameLead(a, b) && !initialsDiffer(a, b)
	unsigned := len(a.fams) == 0 || len(b.fams) == 0 // no author to compare
	vague := false
	switch {
	case shared >= 2 && longest >= 3 && lead && (agree > 0 || len(a.title) == 0 || len(b.title) == 0):
	case shared >= 2 && agree > 0 && n >= 3 && m.gramShare(a.textGrams, b.textGrams) >= textMinShareUnnamed:
	case shared >= 1 && longest >= 2 && agree > 0 && (lead || unsigned && m.gramShare(a.textGrams, b.textGrams) >= textMinShareUnnamed):
		vague = true
	case agree == 0 && lead && a.year != 0 && a.year == b.year && m.gramShare(a.textGrams, b.textGrams) >= textMinShareVague:
		vague = true
	case agree == 0 && lead && a.year != 0 && a.year == b.year && (len(a.title) == 0 || len(b.title) == 0) && m.sourcesAlign(a, b, 0.5) && m.gramShare(a.textGrams, b.textGrams) >= textMinShareAligned:
		vague = true
	default:
		return verdict{}
	}
	agreed := agreeText | agreeNumbers
	if lead {
		agreed |= agreeAuthor
	}
	if a.year != 0 && b.year != 0 {
		agreed |= agreeYear
	}
	return verdict{evidence: matchThreshold, rule: MatchFuzzy, vague: vague, agreed: agreed, byNumbers: agree > 0 && n >= 3}
}

// nearTexts reports whether a noisy pair compare and compareText turned
// down shares most of its texts (0.6 of the trigrams, rarity-weighted),
// and nothing noise leaves alone disagrees: both or neither with a year,
// the years within one, no number of one text missing from the other
// (unless both are noisy: noise misreads digits on each side), no volume
// or page that differs, no first authors apart, no titles apart.
// Such a pair joins only where each is the other's likeliest
// (joinMutualBest): the texts of a reference without a title ("Soldr
// Enerrgy 1964, 8, 1.") and of its work's other copies.
func (m *matcher) nearTexts(a, b *profile) bool {
	if a.id != "" && b.id != "" || a.doi != "" && b.doi != "" || (a.year == 0) != (b.year == 0) || abs(a.year-b.year) > 1 || titlesApart(a, b) || m.correctsOther(a, b) {
		return false
	}
	if agree, _ := numbersAgree(a.nums, b.nums); agree < 0 && !(a.noisy && b.noisy) {
		return false
	}
	if m.locator(a, b, volumeLocator) == locDiffer || m.locator(a, b, pageLocator) == locDiffer {
		return false
	}
	if initialsDiffer(a, b) || len(a.fams) > 0 && len(b.fams) > 0 && !sameLead(a, b) {
		return false // two first authors
	}
	return m.gramShare(a.textGrams, b.textGrams) >= 0.6
}

// sharedNumbers counts the numbers of a's text in b's but the two
// descriptions' years, and gives the length of the longest.
func (m *matcher) sharedNumbers(a, b *profile) (n, longest int) {
	i, j := 0, 0
	for i < len(a.nums) && j < len(b.nums) {
		switch x, y := a.nums[i], b.nums[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			if s := m.tok.strs[x]; !isYear(s, a.year) && !isYear(s, b.year) {
				n++
				longest = max(longest, len(s))
			}
			i++
			j++
		}
	}
	return n, longest
}

// locate reports whether two texts name one place of print
// (verdict.located): two numbers besides the year, one of three digits or
// more, in both, the numbers of one text all in the other, and no two
// sources that differ (one volume and page of two journals: "IEEE Trans.
// Magn. 35, 806" and "Electron. Lett. 35, 806").
func (m *matcher) locate(a, b *profile) bool {
	if agree, _ := numbersAgree(a.nums, b.nums); agree <= 0 {
		return false
	}
	if shared, longest := m.sharedNumbers(a, b); shared < 2 || longest < 3 {
		return false
	}
	return m.sourcesMeet(a, b)
}

// sourcesMeet reports whether two descriptions' sources may be one: one
// side has none, they align (SourceSimilarity, abbreviations read), or,
// misspelt by noise, most of one's trigrams are in the other's text.
func (m *matcher) sourcesMeet(a, b *profile) bool {
	return len(a.src) == 0 || len(b.src) == 0 || m.sourcesAlign(a, b, 0.3)
}

// sourcesAlign reports whether two descriptions' sources align, at a
// SourceSimilarity of least or more, or one's is in the other's text;
// false when one side has none.
func (m *matcher) sourcesAlign(a, b *profile, least float64) bool {
	for i, x := range a.src {
		for j, y := range b.src {
			if m.sourceSimilarity(a.srcIDs[i], b.srcIDs[j], x, y) >= least {
				return true
			}
		}
	}
	return len(a.src) > 0 && len(b.src) > 0 && (m.sourceInText(a, b) || m.sourceInText(b, a))
}

// sourceInText reports whether most trigrams of one of a's source forms
// are in b's text. The sketches of the sources are memoised by their
// interned ids, as sourceSimilarity's values are.
func (m *matcher) sourceInText(a, b *profile) bool {
	if m.srcGrams == nil {
		m.srcGrams = map[int32][]uint32{}
	}
	for k, ws := range a.src {
		g, ok := m.srcGrams[a.srcIDs[k]]
		if !ok {
			g = TightGrams(strings.Join(ws, ""))
			m.srcGrams[a.srcIDs[k]] = g
		}
		if len(g) >= 4 && float64(intersectSorted(g, b.textGrams)) >= 0.6*float64(len(g)) {
			return true
		}
	}
	return false
}

// isYear reports whether the digits s are the year y.
func isYear(s string, y int) bool { return y != 0 && yearOf([]byte(s)) == y }

// printedYear is the year of a text: the parsed one, unless it is a page
// of a range ("1737–1746", which a parser takes for the year when noise has
// made the year "20l6", run it into a word, "Letters1995", or dropped its
// bracket, "(1989."), and the text prints exactly one other year, outside
// page ranges, read with its look-alikes. In a noisy text, also when the
// parsed year is missing and the text prints one such year; or when the
// text prints exactly one year in brackets, "(1995)" or with one bracket
// noise left ("2010)"), and the parsed one is not: a parser that missed
// "(l995)" takes a year of the title or a page for it. A clean text may
// bracket a year of its title ("(SKJ 2012)"), so there the bracketed year
// does not overrule the parser's.
func printedYear(text string, parsed int, noisy bool) int {
	t := readLookAlikes(text)
	found, inRange, printed, several := 0, false, false, false
	bracketed, parsedBracketed := 0, false
	for i := 0; i < len(t); {
		if !isDigit(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && isDigit(t[j]) {
			j++
		}
		y := yearOf([]byte(t[i:j]))
		ranged := i > 0 && isRangeDash(t[:i], true) || isRangeDash(t[j:], false)
		if y != 0 && !ranged && (i > 0 && t[i-1] == '(' || j < len(t) && t[j] == ')') {
			switch {
			case y == parsed:
				parsedBracketed = true
			case bracketed == 0:
				bracketed = y
			case bracketed != y:
				bracketed = -1
			}
		}
		switch {
		case y == 0:
		case ranged:
			if y == parsed {
				inRange = true
			}
		case y == parsed:
			printed = true
		case found == 0:
			found = y
		case found != y:
			several = true
		}
		i = j
	}
	switch {
	case noisy && bracketed > 0 && !parsedBracketed:
		return bracketed
	case printed || several:
		return parsed // printed as a year, or several years: the parser's choice stands
	case found != 0 && (noisy && parsed == 0 || inRange):
		return found
	}
	return parsed
}

// isRangeDash reports whether a dash of a range joins the digits at this
// end of s to others: s ends (before) or begins (after) with "-" or "–"
// and a digit beyond it.
func isRangeDash(s string, before bool) bool {
	for _, d := range []string{"-", "–"} {
		if before && strings.HasSuffix(s, d) && len(s) > len(d) && isDigit(s[len(s)-len(d)-1]) {
			return true
		}
		if !before && strings.HasPrefix(s, d) && len(s) > len(d) && isDigit(s[len(d)]) {
			return true
		}
	}
	return false
}

// misreadFamily reports whether two family names of noisy texts are one
// misread: in their OCR skeletons, of three letters or of six or more, one
// edit more apart than nearFamily allows ("Gul" and "Gui",
// "Nightinqale" and "Nightmgale").
func misreadFamily(a, b []string) bool {
	return familiesWithin(a, b, func(n int) int {
		if n < 3 || n == 4 || n == 5 {
			// Two edits make another name of four or five letters
			// ("Wang" and "Zhang", "Cheng" and "Zhang"), one another
			// name of two ("Li" and "Lu").
			return 0
		}
		return nameEdits(n) + 1
	})
}
