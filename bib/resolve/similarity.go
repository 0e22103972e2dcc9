package resolve

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/citegraph/citegraph/bib"
)

// Field similarity helpers for reference matching: how alike two titles, two
// sources and two author names are, whatever the citation style wrote.

// FoldTight is Fold without the spaces: "Surface-plasmon ejection ofAg+ions"
// and "Surface plasmon ejection of Ag+ ions" both give
// "surfaceplasmonejectionofagions".
func FoldTight(s string) string { return strings.ReplaceAll(fold(s), " ", "") }

func isASCIIText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// fold is Fold with a fast path for ASCII text, which needs no Unicode
// decomposition, and a faster one for text already folded (lower case
// letters and digits, words one space apart), which it returns as it is
// (TestFoldIsBibFold).
func fold(s string) string {
	folded := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80:
			return bib.Fold(s)
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == ' ' && i > 0 && i+1 < len(s) && s[i-1] != ' ':
		default:
			folded = false
		}
	}
	if folded {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
		default:
			space = true
		}
	}
	return b.String()
}

// TitleGrams returns the sorted, distinct hashed character trigrams of a
// title's tight fold (see FoldTight): a sketch of the title that case,
// punctuation, diacritics, ligatures ("ﬁ") and missing or extra spaces do
// not change. A title shorter than three letters has no grams.
func TitleGrams(title string) []uint32 {
	return gramsOf(FoldTight(title))
}

// TightGrams is TitleGrams of text already folded tight.
func TightGrams(t string) []uint32 { return gramsOf(t) }

func gramsOf(t string) []uint32 {
	if isASCIIText(t) {
		// The same hashes as below, without decoding runes.
		if len(t) < 3 {
			return nil
		}
		g := make([]uint32, 0, len(t)-2)
		for i := 0; i+3 <= len(t); i++ {
			h := uint32(2166136261)
			h = (h ^ uint32(t[i])) * 16777619
			h = (h ^ uint32(t[i+1])) * 16777619
			h = (h ^ uint32(t[i+2])) * 16777619
			g = append(g, h)
		}
		slices.Sort(g)
		return slices.Compact(g)
	}
	rs := []rune(t)
	if len(rs) < 3 {
		return nil
	}
	g := make([]uint32, 0, len(rs)-2)
	for i := 0; i+3 <= len(rs); i++ {
		h := uint32(2166136261)
		for _, r := range rs[i : i+3] {
			h = (h ^ uint32(r)) * 16777619
		}
		g = append(g, h)
	}
	slices.Sort(g)
	return slices.Compact(g)
}

// GramOverlap returns the Dice coefficient of two gram sets and the share
// of the smaller set found in the larger (its containment).
func GramOverlap(a, b []uint32) (dice, containment float64) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	n := intersectSorted(a, b)
	return 2 * float64(n) / float64(len(a)+len(b)), float64(n) / float64(min(len(a), len(b)))
}

func intersectSorted(a, b []uint32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// TitleSimilarity is the Dice coefficient of the two titles' trigram
// sketches (TitleGrams): 1 for titles that differ only in case,
// punctuation, diacritics, ligatures or spacing; 0 when either is empty.
func TitleSimilarity(a, b string) float64 {
	d, _ := GramOverlap(TitleGrams(a), TitleGrams(b))
	return d
}

// sourceStopWords are dropped from source titles before alignment: ISO 4
// and Web of Science abbreviations omit them.
var sourceStopWords = map[string]bool{
	"the": true, "of": true, "and": true, "for": true, "in": true, "on": true, "a": true, "an": true,
	"at": true, "to": true, "de": true, "der": true, "die": true, "das": true, "des": true, "du": true,
	"la": true, "le": true, "les": true, "et": true, "und": true, "fur": true, "zur": true, "y": true,
	"della": true, "di": true, "del": true,
}

// SourceWords returns the folded words of a source title (journal, book,
// proceedings) without stop words: "The Hague Journal of Diplomacy" →
// [hague journal diplomacy], "Phys. Rev. Lett." → [phys rev lett].
func SourceWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(fold(s)) {
		if !sourceStopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// SourceSimilarity aligns two source titles word by word, each word of the
// shorter form an abbreviation of a word of the longer: a prefix of it
// ("phys" of "physical", "j" of "journal"), a contraction keeping its first
// letter and its letters in order ("natl" of "national"), or an acronym of
// several words ("usa" of "united states america"). It returns the share of
// the longer form's words so accounted for when every word of the shorter
// form aligned, 0 otherwise: 1 for "HAGUE J DIPLOM" and "The Hague Journal
// of Diplomacy", for "Phys. Rev. Lett." and "Physical Review Letters".
// Words of the longer form may be skipped (ISO 4 drops some; Web of
// Science cuts its abbreviations at 20 characters), at the cost of a
// lower score.
func SourceSimilarity(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) || (len(a) == len(b) && wordsLen(a) > wordsLen(b)) {
		a, b = b, a
	}
	best := alignSource(a, b)
	if best < 0 {
		return 0
	}
	return float64(best) / float64(len(b))
}

func wordsLen(ws []string) int {
	n := 0
	for _, w := range ws {
		n += len(w)
	}
	return n
}

// alignSource returns the most words of full that the words of abbr, in
// order, can account for, or -1 when some word of abbr aligns with nothing.
func alignSource(abbr, full []string) int {
	m, n := len(abbr), len(full)
	// best[i][j]: most full words covered aligning abbr[i:] with full[j:].
	const none = -1 << 20
	var buf [256]int
	best := buf[:0]
	if k := (m + 1) * (n + 1); k <= len(buf) {
		best = buf[:k]
	} else {
		best = make([]int, k)
	}
	at := func(i, j int) *int { return &best[i*(n+1)+j] }
	for j := 0; j <= n; j++ {
		*at(m, j) = 0
	}
	for i := m - 1; i >= 0; i-- {
		*at(i, n) = none
		for j := n - 1; j >= 0; j-- {
			v := *at(i, j+1) // skip full[j]
			if abbrevOf(abbr[i], full[j]) {
				v = max(v, 1+*at(i+1, j+1))
			}
			// An acronym: "usa" for "united states america".
			if k := len(abbr[i]); k >= 2 && j+k <= n && acronymOf(abbr[i], full[j:j+k]) {
				v = max(v, k+*at(i+1, j+k))
			}
			*at(i, j) = v
		}
	}
	if v := *at(0, 0); v >= 0 {
		return v
	}
	return -1
}

// abbrevOf reports whether a is an abbreviation of word w: w itself, a
// prefix of it, or its first letter followed by some of its letters in
// order ("natl" of "national", "assoc" of "association"). A one-letter
// word abbreviates only a word it begins; digits must match exactly.
func abbrevOf(a, w string) bool {
	if a == w {
		return true
	}
	if a == "" || w == "" || a[0] != w[0] || len(a) > len(w) || isDigitWord(a) || isDigitWord(w) {
		return false
	}
	if strings.HasPrefix(w, a) {
		return true
	}
	if len(a) < 3 {
		return false
	}
	// Contraction: letters of a in order within w, the first two of a
	// within w's first five letters ("mgmt" of "management").
	j := 1
	for i := 1; i < len(a); i++ {
		for j < len(w) && w[j] != a[i] {
			j++
		}
		if j == len(w) || (i == 1 && j > 4) {
			return false
		}
		j++
	}
	return true
}

func acronymOf(a string, words []string) bool {
	for i, w := range words {
		if w == "" || w[0] != a[i] {
			return false
		}
	}
	return true
}

func isDigitWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// FamilyVariants returns the comparison keys of a name's family part: its
// FamilyKey ("demorgan"), the key without leading particles ("morgan"), a
// German transliteration folded ("mueller" → "muller"), and for a Chinese
// family name in characters its pinyin readings ("赵" → "zhao"). Two names
// have the same family when their variants meet.
func FamilyVariants(n bib.Name) []string {
	fam := n.Family
	if fam == "" {
		fam = n.Literal
	}
	var out []string
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if bib.HasHan(fam) {
		for _, p := range hanReadings(fam) {
			add(p)
		}
		return out
	}
	folded := fold(fam)
	add(strings.ReplaceAll(folded, " ", ""))
	var words []string // a family of one word has no particle to drop
	if strings.ContainsFunc(folded, unicode.IsSpace) {
		words = strings.Fields(folded)
	}
	for len(words) > 1 && familyParticles[words[0]] {
		words = words[1:]
		add(strings.Join(words, ""))
	}
	for _, k := range out { // the variants so far: range reads out as it is now
		if transliteratedUmlaut(k) {
			add(germanFold.Replace(k))
		}
	}
	return out
}

// transliteratedUmlaut reports whether s has a pair germanFold replaces,
// "ae", "oe" or "ue": most names have none, and the replacer costs more
// than the look.
func transliteratedUmlaut(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == 'e' && (s[i-1] == 'a' || s[i-1] == 'o' || s[i-1] == 'u') {
			return true
		}
	}
	return false
}

var familyParticles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true, "di": true,
	"da": true, "du": true, "des": true, "la": true, "le": true, "dos": true, "das": true, "ter": true,
	"ten": true, "zu": true, "vom": true, "el": true, "al": true, "mc": false,
}

// germanFold undoes the ASCII transliteration of umlauts, so that
// "Mueller" meets "Müller" (folded "muller").
var germanFold = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")

// SameFamily reports whether two names' family parts are one name as
// differently written (see FamilyVariants).
func SameFamily(a, b bib.Name) bool {
	va, vb := FamilyVariants(a), FamilyVariants(b)
	for _, x := range va {
		if slices.Contains(vb, x) {
			return true
		}
	}
	return false
}

// FirstInitial returns the folded first letter of a name's given part,
// with the pinyin initial of a Chinese given name in characters
// ("刚" → 'g'); 0 when unknown.
func FirstInitial(n bib.Name) rune {
	g := strings.TrimSpace(n.Given)
	if g == "" {
		return 0
	}
	if bib.HasHan(g) {
		if ps := hanReadings(string([]rune(g)[:1])); len(ps) > 0 {
			return rune(ps[0][0])
		}
		return 0
	}
	f := fold(g)
	if f == "" {
		return 0
	}
	return []rune(f)[0]
}

var (
	pinyinOnce sync.Once
	pinyinMap  map[rune][]string
)

// Pinyin returns the toneless pinyin readings of a Chinese character
// ("赵" → [zhao]), nil for a character outside GB 2312 and its
// traditional forms.
func Pinyin(r rune) []string {
	pinyinOnce.Do(func() {
		pinyinMap = make(map[rune][]string, 9200)
		for _, e := range strings.Split(pinyinTable, " ") {
			rs := []rune(e)
			if len(rs) < 2 {
				continue
			}
			pinyinMap[rs[0]] = strings.Split(string(rs[1:]), "/")
		}
	})
	return pinyinMap[r]
}

// surnameReadings are the readings of characters that, as family names,
// are read otherwise than their commonest reading lists first.
var surnameReadings = map[rune][]string{
	'单': {"shan"}, '曾': {"zeng"}, '解': {"xie"}, '仇': {"qiu"}, '区': {"ou"}, '朴': {"piao", "park"},
	'查': {"zha"}, '盖': {"ge", "gai"}, '覃': {"qin", "tan"}, '尉': {"yu", "wei"}, '乐': {"yue", "le"},
	'翟': {"zhai", "di"}, '缪': {"miao"}, '黑': {"he", "hei"}, '召': {"shao"}, '繁': {"po"},
}

// hanReadings returns the pinyin spellings of a name in characters, one
// per combination of its characters' readings (at most 16), with ü also
// spelt "u", "yu" and "ue" ("吕" → lv, lu, lyu, lue).
func hanReadings(s string) []string {
	out := []string{""}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		rs := surnameReadings[r]
		if rs == nil {
			rs = Pinyin(r)
		}
		if len(rs) == 0 {
			return nil
		}
		var next []string
		for _, p := range out {
			for _, q := range rs {
				if len(next) < 16 {
					next = append(next, p+q)
				}
			}
		}
		out = next
	}
	var all []string
	for _, p := range out {
		if p == "" {
			continue
		}
		all = append(all, p)
		if strings.Contains(p, "v") {
			for _, u := range []string{"u", "yu", "ue"} {
				all = append(all, strings.ReplaceAll(p, "v", u))
			}
		}
	}
	return all
}

// MatchKeysFast is MatchKeys with the fast fold of ASCII text: the same
// keys, computed without Unicode decomposition where none is needed.
func MatchKeysFast(w *bib.Work) []string {
	doi := bib.DOIKey(w)
	fa := w.FirstAuthor()
	famSrc := fa.Family
	if famSrc == "" {
		famSrc = fa.Literal
	}
	fam := strings.ReplaceAll(fold(famSrc), " ", "")
	var keys []string
	if doi != "" {
		keys = append(keys, doi)
	}
	page := strings.ToLower(w.FirstPage())
	vol := strings.ToLower(strings.TrimSpace(w.Volume))
	if fam != "" && w.Year != 0 && page != "" && vol != "" {
		keys = append(keys, "l|"+fam+"|"+strconv.Itoa(w.Year)+"|"+vol+"|"+page)
	}
	if fam != "" && w.Year != 0 {
		var words []string
		for _, t := range strings.Fields(fold(w.Title)) {
			if !bib.IsStopWord(t) {
				words = append(words, t)
			}
		}
		if len(words) >= 2 {
			if len(words) > bib.TitleKeyWords {
				words = words[:bib.TitleKeyWords]
			}
			keys = append(keys, "t|"+fam+"|"+strconv.Itoa(w.Year)+"|"+strings.Join(words, " "))
		}
	}
	return keys
}
