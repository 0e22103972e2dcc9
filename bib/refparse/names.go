package refparse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
)

// ParseName reads one personal name written as "Family, Given",
// "Family G G" (initials after the family name, as GB/T 7714 and Vancouver
// write it), "G. G. Family" or "Given Family", or a Chinese, Japanese or
// Korean name in its own script. A name with a word such as "Society" or
// "Institute" is a corporate author and is kept whole as a literal.
func ParseName(s string) bib.Name {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ",;"))
	if s == "" {
		return bib.Name{}
	}
	if fam, given, ok := strings.Cut(s, ","); ok {
		return bib.Name{Family: strings.TrimSpace(fam), Given: strings.TrimSpace(given)}
	}
	if IsCJKName(s) {
		return splitCJKName(s)
	}
	fields := strings.Fields(s)
	if len(fields) == 1 {
		return bib.Name{Family: fields[0]}
	}
	if hasCorporateWord(fields) {
		return bib.Name{Literal: strings.Join(fields, " ")}
	}
	// Family followed by initials: "Ruffini P B", "Gu Y F", "Zhao G".
	j := len(fields)
	for j > 1 && isInitialsWord(fields[j-1]) {
		j--
	}
	if j < len(fields) {
		return bib.Name{Family: strings.Join(fields[:j], " "), Given: strings.Join(fields[j:], " ")}
	}
	// Initials first: "P. B. Ruffini".
	if isInitialsWord(fields[0]) {
		k := 0
		for k < len(fields)-1 && isInitialsWord(fields[k]) {
			k++
		}
		return bib.Name{Family: strings.Join(fields[k:], " "), Given: strings.Join(fields[:k], " ")}
	}
	// Russian order, "Беспалов Дмитрий Николаевич": family, given name and
	// patronymic (the patronymic last tells it from "Дмитрий Николаевич
	// Беспалов").
	if len(fields) == 3 && isPatronymic(fields[2]) {
		return bib.Name{Family: fields[0], Given: fields[1] + " " + fields[2]}
	}
	// "Given Family": the last word is the family name, with its particles.
	k := len(fields) - 1
	for k > 1 && isParticle(fields[k-1]) {
		k--
	}
	return bib.Name{Family: strings.Join(fields[k:], " "), Given: strings.Join(fields[:k], " ")}
}

// isPatronymic reports whether a word is an East Slavic patronymic, in
// Cyrillic or transliterated: "Николаевич", "Анатольевна", "Ivanovich".
func isPatronymic(w string) bool {
	w = strings.ToLower(w)
	for _, suffix := range []string{"вич", "вна", "ична", "ovich", "evich", "ovna", "evna", "ichna"} {
		if strings.HasSuffix(w, suffix) && utf8.RuneCountInString(w) > utf8.RuneCountInString(suffix)+2 {
			return true
		}
	}
	return false
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// isParticle reports whether a word is a lower-case family-name prefix
// such as "van", "von", "de", "da".
func isParticle(w string) bool {
	if w == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
		return false
	}
	switch w {
	case "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la", "le", "dos", "das", "ter", "ten", "zu", "vom", "zur", "op", "het", "'t", "’t", "e", "y", "bin", "ibn", "al", "el", "af", "av":
		return true
	}
	return false
}

// isInitialsWord reports whether a word is one or more initials: "P",
// "PB", "M.", "M.J.", "J.-M.", "J-L", "Th.", "Yu.".
func isInitialsWord(w string) bool {
	ok, _ := initialsShape(w)
	return ok
}

// initialsShape reports whether w is initials, and whether it is bare: a
// run of one to three capitals without dot or hyphen ("PB"), which could
// also be an upper-case family name ("LI").
func initialsShape(w string) (ok, bare bool) {
	if w == "" || len(w) > 20 {
		return false, false
	}
	if strings.HasSuffix(w, "..") {
		w = strings.TrimRight(w, ".") + "." // "Shea, M. J.. Title"
	}
	// Bare capitals, perhaps closed by a dot: "P", "PB", "JCR", "OA.".
	core := strings.TrimSuffix(w, ".")
	if n := utf8.RuneCountInString(core); n >= 1 && n <= 3 && strings.IndexFunc(core, func(r rune) bool { return !unicode.IsUpper(r) }) < 0 {
		return true, core == w
	}
	// Dotted or hyphenated: "M.", "M.J.", "J.-M.", "J-L", "Th.", "Fr.-R.".
	groups := 0
	for i := 0; i < len(w); {
		r, n := utf8.DecodeRuneInString(w[i:])
		if !unicode.IsUpper(r) {
			return false, false
		}
		i += n
		groups++
		// A capital OCR doubled, closed by a dot: "DD.J.", "M.YY.".
		if r2, n2 := utf8.DecodeRuneInString(w[i:]); r2 == r && i+n2 < len(w) && w[i+n2] == '.' {
			i += n2
		}
		if i < len(w) {
			// One lower-case letter, closed by a dot: "Th.", "Yu.".
			if r2, n2 := utf8.DecodeRuneInString(w[i:]); unicode.IsLower(r2) {
				i += n2
				if i >= len(w) || w[i] != '.' {
					return false, false
				}
			}
		}
		sep := false
		if i < len(w) && w[i] == '.' {
			i++
			sep = true
		}
		if i < len(w) {
			if r3, n3 := utf8.DecodeRuneInString(w[i:]); isHyphen(r3) {
				i += n3
				sep = true
				if i >= len(w) {
					return false, false
				}
			}
		}
		if i < len(w) && !sep {
			return false, false // "CRUZ": capitals run together
		}
	}
	return groups >= 1 && groups <= 4, false
}

// isNameWord reports whether w can be (part of) a family or given name: a
// capitalised word ("Ruffini", "Pérez-Higueras", "O’Reilly", "McDonald",
// "MITTICA") of two letters or more, or a name with an elided particle
// ("d’Alembert").
func isNameWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	r, size := utf8.DecodeRuneInString(w)
	rest := w[size:]
	if unicode.IsLower(r) {
		// "d’Alembert", "l'Hôpital", "van't"
		if (r == 'd' || r == 'l') && (strings.HasPrefix(rest, "’") || strings.HasPrefix(rest, "'")) {
			_, n := utf8.DecodeRuneInString(rest)
			rest = rest[n:]
			r2, _ := utf8.DecodeRuneInString(rest)
			return unicode.IsUpper(r2) && isNameWord(rest)
		}
		return false
	}
	if !unicode.IsUpper(r) {
		return false
	}
	letters := 1
	prev := r
	for _, c := range rest {
		switch {
		case unicode.IsLetter(c):
			letters++
		case unicode.Is(unicode.Mn, c):
		case c == '\'' || c == '’' || isHyphen(c):
			if !unicode.IsLetter(prev) {
				return false
			}
		default:
			return false
		}
		prev = c
	}
	return letters >= 2 && unicode.IsLetter(prev)
}

// isForeignScript reports whether r belongs to a script a translated
// reference is originally written in: Han, kana, Hangul, Cyrillic and the
// like (not Greek, whose letters are common in English titles).
func isForeignScript(r rune) bool {
	if r < 0x0400 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Cyrillic, unicode.Arabic, unicode.Hebrew, unicode.Thai)
}

// isCJK reports whether r is a Chinese, Japanese or Korean letter.
func isCJK(r rune) bool {
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// IsCJKName reports whether s is a name written in Chinese, Japanese or
// Korean characters: one to six of them, with an optional middle dot.
func IsCJKName(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case isCJK(r):
			n++
		case r == '·' || r == '・':
		default:
			return false
		}
	}
	return n >= 1 && n <= 6
}

// cjkCompoundSurnames are the Chinese family names of two characters (in
// simplified and traditional characters), and 爱新觉罗.
var cjkCompoundSurnames = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`
		欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 夏侯 轩辕 令狐 宇文 端木 司徒 独孤 南宫
		万俟 闻人 澹台 申屠 太史 西门 呼延 钟离 濮阳 淳于 单于 赫连 拓跋 完颜 司空 鲜于 公羊 仲孙
		宗政 太叔 乐正 公冶 谷梁 百里 东郭 南门 羊舌 微生 左丘 梁丘 第五 公西 漆雕 壤驷 巫马 颛孙
		亓官 司寇 子车 段干 夹谷 宰父 东门 公良 呼衍 贺兰 纳兰 爱新觉罗
		歐陽 司馬 諸葛 東方 尉遲 公孫 長孫 軒轅 獨孤 南宮 萬俟 聞人 澹臺 西門 鍾離 濮陽 單于 赫連
		完顏 鮮于 穀梁 東郭 顓孫 樂正 段幹 夾谷 賀蘭 納蘭 愛新覺羅`) {
		m[s] = true
	}
	return m
}()

// splitCJKName splits a Chinese name into family name and given name: a
// name of two or three characters after its first character, or after a
// compound surname (cjkCompoundSurnames: 欧阳修, 诸葛亮). A name of one
// character is the family name. Any other is kept whole, as a literal: a
// longer name whose split is unknown (a Japanese name written in kanji,
// 实藤惠秀, is 实藤 惠秀; 范徐丽泰 has two family names), an organisation
// (中国造纸学会), or a name with kana, hangul or a middle dot. Guessing a
// one-character surname there would give the matcher a family name the
// work's other citations do not share.
func splitCJKName(s string) bib.Name {
	rs := []rune(s)
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return bib.Name{Literal: s}
		}
	}
	for _, k := range []int{4, 2} {
		if len(rs) > k && cjkCompoundSurnames[string(rs[:k])] {
			return bib.Name{Family: string(rs[:k]), Given: string(rs[k:])}
		}
	}
	switch {
	case len(rs) < 2:
		return bib.Name{Family: s}
	case len(rs) <= 3:
		return bib.Name{Family: string(rs[:1]), Given: string(rs[1:])}
	}
	return bib.Name{Literal: s}
}

// corporateWords mark a corporate author.
var corporateWords = map[string]bool{
	"Society": true, "Association": true, "Institute": true, "Institution": true, "Organization": true,
	"Organisation": true, "Council": true, "Committee": true, "Commission": true, "Agency": true,
	"University": true, "Academy": true, "Ministry": true, "Department": true, "Bank": true,
	"Foundation": true, "Office": true, "Centre": true, "Center": true, "Board": true, "Federation": true,
	"Union": true, "United": true, "Nations": true, "Programme": true, "Consortium": true, "Network": true,
	"Bureau": true, "Authority": true, "Corporation": true, "Company": true, "Group": true,
	"Collaboration": true, "Initiative": true, "Forum": true, "Trust": true, "Fund": true,
	"Administration": true, "Government": true, "Parliament": true, "Congress": true, "Senate": true,
	"Assembly": true, "Secretariat": true, "Survey": true, "Laboratory": true, "Laboratories": true,
	"Observatory": true, "Museum": true, "Library": true, "Inc": true, "Ltd": true, "GmbH": true,
	"LLC": true, "Panel": true, "Alliance": true, "Coalition": true, "Registry": true, "Statistics": true,
	"Service": true, "Services": true, "Team": true, "Project": true, "Working": true, "Party": true,
	"Commissioner": true, "Consortia": true, "Associates": true, "Staff": true, "Advisers": true,
	"Advisors": true, "Investigators": true, "Corps": true, "Agencies": true, "Institutes": true,
}

func hasCorporateWord(words []string) bool {
	for _, w := range words {
		if corporateWords[strings.TrimRight(w, ".,;:")] {
			return true
		}
	}
	return false
}

// A nameTok is one space-separated word of an author list, with the
// separator that follows it.
type nameTok struct {
	text       string // the word without a trailing "," or ";" (dots kept)
	start, end int    // byte offsets; end is past the separator
	sep        byte   // ',' or ';' after the word, or 0
	colon      bool   // the word is followed by ':'
	glued      bool   // the next word follows without a space ("N.Martin"): gluedWordAt
}

// bare returns the word without trailing dots and the number of dots
// removed.
func (t *nameTok) bare() (string, bool) {
	w := strings.TrimRight(t.text, ".")
	return w, len(w) < len(t.text)
}

// maxNameToks bounds the words an author list is read from.
const maxNameToks = 600

// tokenizeNames splits the start of s into words.
func tokenizeNames(s string, toks []nameTok) []nameTok {
	i := 0
	for i < len(s) && len(toks) < maxNameToks {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i >= len(s) {
			break
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			if j > i && (s[j-1] == ',' || s[j-1] == ';') && runInName(s, j) {
				break
			}
			j++
		}
		glued := false
		if k := gluedWordAt(s[i:j]); k > 0 {
			j, glued = i+k, true
		}
		t := nameTok{text: s[i:j], start: i, end: j, glued: glued}
		switch {
		case strings.HasSuffix(t.text, ","):
			t.sep, t.text = ',', strings.TrimRight(t.text, ",")
		case strings.HasSuffix(t.text, ";"):
			// "A,;": a stop read as a comma before the separator.
			t.sep, t.text = ';', strings.TrimRight(t.text[:len(t.text)-1], ",")
		case strings.HasSuffix(t.text, ":"):
			t.colon, t.text = true, t.text[:len(t.text)-1]
		}
		// A lone separator word (" , ") belongs to the word before.
		if t.text == "" && len(toks) > 0 && t.sep != 0 && toks[len(toks)-1].sep == 0 {
			toks[len(toks)-1].sep = t.sep
			toks[len(toks)-1].end = j
			i = j
			continue
		}
		toks = append(toks, t)
		i = j
	}
	return toks
}

// runInName reports whether the word ends at s[j-1], a "," or ";", though
// no space follows: a capital (or a non-ASCII letter) after it and a
// letter or a full stop before, as text from PDFs runs names together
// ("Shea,M. J.", "J.-P.,Petrescu", "F.;Malaguti").
func runInName(s string, j int) bool {
	if j < 2 {
		return false
	}
	before, after := s[j-2], s[j]
	return (before == '.' || isASCIILetter(before) || before >= utf8.RuneSelf) && (after >= 'A' && after <= 'Z' || after >= utf8.RuneSelf)
}

// nameForm is how the names of one list are written.
type nameForm uint8

const (
	formNone  nameForm = iota
	formVanc           // Family Initials: "Ruffini P B", "Heidegger M."
	formInv            // Family, Given: "Shea, M. J.", "Gledson, John"
	formInit           // Initials Family: "M.J. Shea", "W.-P. de Roever"
	formFull           // Given Family: "David Hoiem"
	formCorp           // corporate: "The Royal Society"
	formCJK            // 赵刚
	formParen          // Family (Initials): "ALY (M.I.)"
)

// nameList is the outcome of reading an author list.
type nameList struct {
	names   []bib.Name
	end     int  // byte offset in s just past the list
	etAl    bool // the list ended with "et al." or "等"
	editors bool // the names are editors (or producers, directors …), not authors
	form    nameForm
}

// parseNameList reads the author list at the start of s. It stops at the
// first word that cannot continue the list (a title, a year, a source) and
// reports where the list ended. A list that does not start with a name
// gives no names and end 0.
func parseNameList(s string) nameList {
	var buf [64]nameTok
	toks := mendNoisyNames(tokenizeNames(s, buf[:0]))
	p := nameParser{toks: toks}
	return p.list()
}

type nameParser struct {
	toks []nameTok
}

func (p *nameParser) list() nameList {
	var out nameList
	toks := p.toks
	i := 0
	// MLA's "———." repeats the previous entry's authors: no name here,
	// but the list ends after it.
	if len(toks) > 0 && isDashRule(toks[0].text) {
		out.end = toks[0].end
		return out
	}
	afterConnector := false
	var listSep byte // the separator between the names so far
	for i < len(toks) {
		n, next, form, ok := p.name(i, out.form, len(out.names) == 0, afterConnector)
		if !ok {
			// A name noise damaged beyond reading: the list goes on after it.
			if k, ok := p.resync(i, listSep, out.form); ok && len(out.names) > 0 && !afterConnector {
				i = k
				continue
			}
			break
		}
		if out.form == formNone || out.form == formCorp {
			out.form = form
		}
		if !n.IsZero() {
			out.names = append(out.names, n)
		}
		last := next - 1
		out.end = toks[last].end
		i = next
		// Suffixes: "Smith, J., Jr.,"
		if i < len(toks) && isNameSuffix(toks[i].text) && (toks[last].sep != 0 || toks[last].text != "") {
			out.end = toks[i].end
			last = i
			i++
		}
		if toks[last].colon {
			break
		}
		afterConnector = false
		if i >= len(toks) {
			break
		}
		// "et al." / "等" end the list.
		if k, ok := p.etAl(i); ok && (toks[last].sep != 0 || !strings.HasSuffix(toks[last].text, ".") || isEtAlStart(toks[i].text)) {
			out.etAl = true
			out.end = toks[k-1].end
			break
		}
		sep := toks[last].sep
		if listSep == 0 {
			listSep = sep
		}
		// "…" or "..." before the last author (APA 7).
		if isEllipsis(toks[i].text) {
			out.end = toks[i].end
			i++
			sep = ','
		}
		if i < len(toks) && IsConnector(toks[i].text) {
			if i+1 < len(toks) && isEtAlStart(toks[i+1].text) {
				if k, ok := p.etAl(i + 1); ok {
					out.etAl = true
					out.end = toks[k-1].end
					break
				}
			}
			i++
			afterConnector = true
			continue
		}
		// A separator lost with the space after initials ("Lelekakis,
		// N.Martin, D."), or between names written initials first ("B.
		// Fultz H. Kuwano,").
		if sep == 0 && !toks[last].glued && !(out.form == formInit && p.startsInitFirst(i)) && !p.resumesSemicolonList(i, out.form, listSep) {
			break
		}
	}
	if len(out.names) == 0 && !out.etAl {
		out.end = 0
		if n, next, ok := p.single(); ok {
			out.names, out.end = []bib.Name{n}, toks[next-1].end
		}
		return out
	}
	// "Smith, J. (Ed.).", "Bauer, R. and K. Germen, eds.": editors.
	if k := p.indexAt(out.end); k < len(toks) && IsEditorWord(toks[k].text) {
		out.editors = true
		out.end = toks[k].end
	}
	return out
}

// indexAt returns the index of the first word starting at or after byte
// offset off.
func (p *nameParser) indexAt(off int) int {
	for k := range p.toks {
		if p.toks[k].start >= off {
			return k
		}
	}
	return len(p.toks)
}

// single reads an author named by one word at the start of a reference:
// "Aristotle. Nicomachean Ethics.", "AASHTO (2010).", "INSEE, 2009,". A
// section heading ("Index.", "Editorial.") is a title, and a word before a
// year in brackets is left to the caller (APA puts a title there when a
// work has no author).
func (p *nameParser) single() (bib.Name, int, bool) {
	toks := p.toks
	if len(toks) < 2 {
		return bib.Name{}, 0, false
	}
	t := &toks[0]
	w, dotted := t.bare()
	next := toks[1].text
	switch {
	case isAcronym(w) && !dotted && (startsWithYear(next) || t.sep == ',' && len(next) >= 4 && IsYear(next[:4])):
		return bib.Name{Literal: w}, 1, true
	case dotted && t.sep == 0 && isNameWord(w) && !sectionWords[strings.ToLower(w)] && !startsWithYear(next) &&
		utf8.RuneCountInString(w) >= 3 && !(allCaps(w) && isAcronym(w) && len(w) <= 3):
		r, _ := utf8.DecodeRuneInString(next)
		if unicode.IsUpper(r) || r == '"' || r == '“' || r == '«' || r == '‘' {
			return bib.Name{Family: w}, 1, true
		}
	}
	return bib.Name{}, 0, false
}

// sectionWords are one-word titles that open references to unsigned
// items: "Index. (1970).", "Editorial. Lancet 2020;…".
var sectionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`index preface foreword introduction editorial editorials contents erratum errata
		corrigendum corrigenda addendum obituary obituaries reviews review abstracts abstract correspondence letters
		letter news announcements announcement notes acknowledgments acknowledgements retraction commentary reply
		response discussion conclusion conclusions summary bibliography references appendix glossary frontmatter
		backmatter cover masthead miscellany books book meetings epilogue prologue overview comment comments untitled
		anonymous anon calendar contributors authors highlights dedication frontispiece preliminaries thanks
		concentrates annotations editor interview correction corrections addenda supplement proceedings chapter
		foreword prelims`) {
		m[w] = true
	}
	return m
}()

// name reads one name starting at word i of a list written in form (or of
// any form when first). It returns the name, the index of the word after
// it and the form it was written in.
func (p *nameParser) name(i int, form nameForm, first, afterConnector bool) (bib.Name, int, nameForm, bool) {
	toks := p.toks
	if w, _ := toks[i].bare(); IsCJKName(w) {
		if form == formNone || form == formCJK || form == formVanc || form == formCorp {
			return splitCJKName(w), i + 1, formCJK, true
		}
		return bib.Name{}, 0, 0, false
	}
	if (first || form == formVanc || form == formCorp || form == formCJK) && p.isCorporate(i) {
		if n, next, ok := p.corporate(i); ok {
			return n, next, formCorp, true
		}
	}
	try := func(f nameForm) (bib.Name, int, bool) {
		switch f {
		case formVanc:
			return p.vanc(i)
		case formInv:
			return p.inv(i)
		case formInit:
			return p.initFirst(i, first)
		case formFull:
			return p.full(i, first || afterConnector || form == formFull)
		case formParen:
			return p.paren(i)
		}
		return bib.Name{}, 0, false
	}
	var order []nameForm
	switch form {
	case formNone, formCorp:
		order = []nameForm{formInv, formVanc, formInit, formParen, formFull}
	case formVanc, formCJK:
		order = []nameForm{formVanc}
	case formInv:
		order = []nameForm{formInv, formInit, formFull}
	case formInit:
		order = []nameForm{formInit, formFull}
	case formFull:
		order = []nameForm{formFull, formInit}
	case formParen:
		order = []nameForm{formParen, formVanc}
	}
	for _, f := range order {
		if n, next, ok := try(f); ok {
			return n, next, f, true
		}
	}
	return bib.Name{}, 0, 0, false
}

// familyRun reads the words of a family name from word i: particles and
// capitalised words, at most four, stopping after a word followed by a
// separator. It returns the index after the run.
func (p *nameParser) familyRun(i int, max int) (int, bool) {
	toks := p.toks
	j := i
	hasCap := false
	for j < len(toks) && j-i < max {
		t := &toks[j]
		w := t.text
		if strings.HasSuffix(w, ".") {
			break
		}
		if ok, bare := initialsShape(w); ok && (!bare || j > i) {
			break // "Godard J-L", "Ruffini PB": initials end the family name
		}
		if isNameWord(w) {
			hasCap = true
		} else if !isParticle(w) {
			break
		}
		j++
		if t.sep != 0 || t.colon {
			break
		}
	}
	if !hasCap || j == i {
		return i, false
	}
	// The family name must end on a capitalised word, not a particle.
	if !isNameWord(toks[j-1].text) {
		return i, false
	}
	return j, true
}

// vanc reads "Family Initials": "Ruffini P B", "Gu Y F,", "Zhao G.",
// "de la Macorra JC", "KINDBERG JACOBSEN J.,".
func (p *nameParser) vanc(i int) (bib.Name, int, bool) {
	toks := p.toks
	j, ok := p.familyRun(i, 4)
	if !ok || toks[j-1].sep != 0 || j >= len(toks) {
		return bib.Name{}, 0, false
	}
	k := j
	for k < len(toks) && k-j < 4 && isInitialsWord(toks[k].text) {
		k++
		if toks[k-1].sep != 0 || toks[k-1].colon {
			break
		}
	}
	// "Physical Review B 47": initials must end the name; "Zhao G. A
	// study": the title's first word is not an initial.
	for k > j && !p.nameEnds(k-1) {
		k--
	}
	if k == j {
		return bib.Name{}, 0, false
	}
	given := joinWords(toks[j:k])
	if strings.Count(given, ".") == 1 && strings.HasSuffix(given, ".") {
		given = given[:len(given)-1] // "Zhao G." — the dot ends the list
	}
	return bib.Name{Family: joinWords(toks[i:j]), Given: given}, k, true
}

// inv reads "Family, Given": "Shea, M. J.", "Le Duigou, J. M.",
// "Gledson, John", "Adams, Nicholson B.", "Compton, R. N. Physical…".
func (p *nameParser) inv(i int) (bib.Name, int, bool) {
	toks := p.toks
	j, ok := p.familyRun(i, 4)
	if !ok {
		return p.invStop(i)
	}
	if toks[j-1].sep != ',' || j >= len(toks) {
		return bib.Name{}, 0, false
	}
	k := j
	if n, next, ok := p.lostGiven(i, j); ok {
		return n, next, true
	}
	if isInitialsWord(toks[k].text) {
		for k < len(toks) && k-j < 5 && isInitialsWord(toks[k].text) {
			k++
			if toks[k-1].sep != 0 || toks[k-1].colon {
				break
			}
		}
	} else if IsConnector(toks[k].text) {
		// A family name alone: "Pamujo, & Subiyanti, K.".
		return bib.Name{Family: joinWords(toks[i:j])}, j, true
	} else {
		// Full given names, then perhaps initials: "Ian H.", "Marcelo Secron".
		for k < len(toks) && k-j < 3 && isNameWord(strings.TrimRight(toks[k].text, ".")) && !IsEditorWord(toks[k].text) {
			k++
			if toks[k-1].sep != 0 || toks[k-1].colon || strings.HasSuffix(toks[k-1].text, ".") {
				break
			}
		}
		if k == j {
			return bib.Name{}, 0, false
		}
		// "Smith, John, Jones, Mary" is read; "Yu Zhang, Xiu-shen Wei"
		// is a list of full names, not Family "Yu Zhang".
		if countNonParticles(toks[i:j]) >= 2 && !allCaps(toks[i].text) {
			return bib.Name{}, 0, false
		}
		for k < len(toks) && k-j < 5 && toks[k-1].sep == 0 && !toks[k-1].colon && !strings.HasSuffix(toks[k-1].text, ".") && isInitialsWord(toks[k].text) {
			k++
		}
		// "Andrade, Mário de.": a particle closing the given name.
		if k < len(toks) && toks[k-1].sep == 0 && !strings.HasSuffix(toks[k-1].text, ".") {
			if w, dotted := toks[k].bare(); isParticle(w) && (dotted || toks[k].sep != 0) {
				k++
			}
		}
		// A full given name must be followed by a separator or end with
		// a dot: "Smith, Title Words" is no name.
		if !p.nameEnds(k - 1) {
			return bib.Name{}, 0, false
		}
	}
	if k == j {
		return bib.Name{}, 0, false
	}
	given := joinWords(toks[j:k])
	if w, dotted := toks[k-1].bare(); dotted && !isInitialsWord(toks[k-1].text) && (isNameWord(w) || isParticle(w)) {
		given = strings.TrimRight(given, ".") // "Gledson, John." — the dot ends the list
	}
	return bib.Name{Family: joinWords(toks[i:j]), Given: given}, k, true
}

// countNonParticles counts the words that are not particles.
func countNonParticles(toks []nameTok) int {
	n := 0
	for i := range toks {
		if !isParticle(strings.ToLower(toks[i].text)) {
			n++
		}
	}
	return n
}

// IsEditorWord reports whether w marks the names before it as editors
// or other contributors rather than authors: "eds.", "(Ed.)", "editor",
// "Hrsg.", "(dir.)", "(Producers)".
func IsEditorWord(w string) bool {
	w = strings.ToLower(strings.Trim(w, "()[].,;:"))
	switch w {
	case "ed", "eds", "editor", "editors", "edited", "hrsg", "hg", "hgg", "dir", "dirs", "coord", "coords", "comp", "comps",
		"compiler", "compilers", "producer", "producers", "director", "directors", "trans", "translator", "éd", "éds",
		"a cura di", "writer/director", "organizer", "organizers", "org", "orgs":
		return true
	}
	return false
}

// allCaps reports whether w has letters and all of them are capitals.
func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// initFirst reads "Initials Family": "M.J. Shea", "J. P. Golden",
// "W.-P. de Roever", "V Harinarayan".
func (p *nameParser) initFirst(i int, first bool) (bib.Name, int, bool) {
	toks := p.toks
	k := i
	for k < len(toks) && k-i < 4 && isInitialsWord(toks[k].text) && (toks[k].sep == 0 || p.commaForStop(k)) {
		k++
	}
	if k == i || k >= len(toks) {
		return bib.Name{}, 0, false
	}
	// Bare capitals before a word ("A Study", "CIA World") are a name
	// only when a separator follows: "H Johansson, P Sjolander".
	bareOnly := k-i == 1 && !strings.ContainsAny(toks[i].text, ".-")
	if bareOnly && len(toks[i].text) > 1 {
		return bib.Name{}, 0, false
	}
	j, ok := p.familyRunDotted(k, 3)
	if ok && !p.nameEnds(j-1) && !bareOnly {
		j, ok = p.unmarkedFamilyEnd(i, k, first)
	}
	if !ok {
		return bib.Name{}, 0, false
	}
	if bareOnly && toks[j-1].sep == 0 && !(j < len(toks) && IsConnector(toks[j].text)) {
		return bib.Name{}, 0, false
	}
	return bib.Name{Family: trimNameDots(joinWords(toks[k:j])), Given: joinWords(toks[i:k])}, j, true
}

// familyRunDotted is familyRun allowing the last word to end with the dot
// that ends the list: "R. H. Halstead.".
func (p *nameParser) familyRunDotted(i, max int) (int, bool) {
	toks := p.toks
	j := i
	hasCap := false
	for j < len(toks) && j-i < max {
		t := &toks[j]
		w, dotted := t.bare()
		if IsEditorWord(w) {
			break
		}
		if isNameWord(w) {
			hasCap = true
		} else if !isParticle(w) || dotted {
			break
		}
		j++
		if t.sep != 0 || t.colon || dotted {
			break
		}
	}
	if !hasCap || j == i {
		return i, false
	}
	if w, _ := toks[j-1].bare(); !isNameWord(w) {
		return i, false
	}
	return j, true
}

// full reads "Given Family": "David Hoiem", "Dennie L. Smith",
// "Alexander Vrchoticky.". Title words look the same, so such a name is
// read only first in a list, after "and", or in a list of such names, and
// it must be followed by a separator, a colon, a year in brackets or the
// list's final dot.
func (p *nameParser) full(i int, allowed bool) (bib.Name, int, bool) {
	if !allowed {
		return bib.Name{}, 0, false
	}
	toks := p.toks
	switch toks[i].text {
	case "The", "A", "An", "Le", "La", "Les", "Der", "Die", "Das", "El", "Il", "Lo":
		return bib.Name{}, 0, false // a title: "The Arrival."
	}
	k := i
	for k < len(toks) && k-i < 2 && toks[k].sep == 0 && !toks[k].colon && !strings.HasSuffix(toks[k].text, ".") &&
		isNameWord(toks[k].text) && !(allCaps(toks[k].text) && len(toks[k].text) > 2) {
		k++
	}
	if k == i {
		return bib.Name{}, 0, false
	}
	for k < len(toks) && k-i < 4 && toks[k].sep == 0 && isInitialsWord(toks[k].text) {
		k++
	}
	j, ok := p.familyRunDotted(k, 3)
	switch {
	case !ok && k-i == 2 && k < len(toks):
		// "Alexander Vrchoticky.": the second word was taken as a given
		// name; it is the family name.
		j, k = k, k-1
	case !ok:
		return bib.Name{}, 0, false
	case j-k > 1 && !isParticle(toks[k].text):
		// More capitalised words make a title: "Physical Chemistry
		// Chemical Physics".
		return bib.Name{}, 0, false
	}
	last := &toks[j-1]
	_, dotted := last.bare()
	switch {
	case last.sep != 0 || dotted:
	case last.colon && k-i == 1:
		// "Irmtraud Schnell: 2011."
	case j < len(toks) && IsConnector(toks[j].text):
	case j+1 < len(toks) && isYearCitation(toks[j].text):
		// "Neil Immerman (1989), Title": a year in brackets closed by
		// punctuation and followed by more; "Clinical Veterinary
		// Advisor (2012) 220." is a source.
	default:
		return bib.Name{}, 0, false
	}
	return bib.Name{Family: trimNameDots(joinWords(toks[k:j])), Given: joinWords(toks[i:k])}, j, true
}

// isYearCitation reports whether a word is a year in brackets closed by
// punctuation, as author-date styles write it after the authors:
// "(1989),", "(1999).", "(July 1978)" is not one.
func isYearCitation(w string) bool {
	if !startsWithYear(w) {
		return false
	}
	return strings.HasSuffix(w, ").") || strings.HasSuffix(w, "),") || strings.HasSuffix(w, "):")
}

// startsWithYear reports whether a word is a year in brackets: "(1989),",
// "(July", "(1995b).".
func startsWithYear(w string) bool {
	if !strings.HasPrefix(w, "(") {
		return false
	}
	w = w[1:]
	if len(w) >= 4 && IsYear(w[:4]) {
		return true
	}
	_, ok := tailKeywords[strings.ToLower(strings.TrimRight(w, ".,"))]
	return ok
}

// paren reads "Family (Initials)": "ALY (M.I.),", "HERBIN (Fr.-R.)".
func (p *nameParser) paren(i int) (bib.Name, int, bool) {
	toks := p.toks
	if i+1 >= len(toks) || !isNameWord(toks[i].text) || toks[i].sep != 0 {
		return bib.Name{}, 0, false
	}
	g := toks[i+1].text
	if len(g) < 3 || g[0] != '(' || g[len(g)-1] != ')' || !isInitialsWord(g[1:len(g)-1]) {
		return bib.Name{}, 0, false
	}
	return bib.Name{Family: toks[i].text, Given: g[1 : len(g)-1]}, i + 2, true
}

// isCorporate reports whether the words from i to the next separator or
// dot name an organisation: they hold a word such as "Society", or start
// with "The".
func (p *nameParser) isCorporate(i int) bool {
	toks := p.toks
	for k := i; k < len(toks) && k-i < 12; k++ {
		w, dotted := toks[k].bare()
		if isCorporateWord(w) || k == i && w == "The" && k+1 < len(toks) && isNameWord(toks[k+1].text) {
			return true
		}
		if toks[k].sep != 0 || dotted && !isAcronym(toks[k].text) || toks[k].colon {
			break
		}
	}
	return false
}

// isCorporateWord reports whether w is one of corporateWords, in any case:
// "Society", "COMMISSION".
func isCorporateWord(w string) bool {
	if corporateWords[w] {
		return true
	}
	if len(w) > 3 && allCaps(w) {
		r, n := utf8.DecodeRuneInString(w)
		return corporateWords[string(r)+strings.ToLower(w[n:])]
	}
	return false
}

// corporate reads an organisation's name up to a separator, a dot or a
// year in brackets.
func (p *nameParser) corporate(i int) (bib.Name, int, bool) {
	toks := p.toks
	k := i
	for k < len(toks) && k-i < 14 {
		w, dotted := toks[k].bare()
		if !(isNameWord(w) || isParticle(w) || isFunctionWord(w) || isAcronym(toks[k].text) || isAcronym(w)) {
			return bib.Name{}, 0, false
		}
		k++
		t := &toks[k-1]
		if t.sep != 0 || dotted && !isAcronym(t.text) || t.colon || k+1 < len(toks) && isYearCitation(toks[k].text) {
			return bib.Name{Literal: trimNameDots(joinWords(toks[i:k]))}, k, true
		}
	}
	return bib.Name{}, 0, false
}

// nameEnds reports whether the name whose last word is toks[k] ends
// there: a separator, a dot, the end of the text, a connector, a year in
// brackets (APA) or a quoted title follow it.
func (p *nameParser) nameEnds(k int) bool {
	toks := p.toks
	t := &toks[k]
	if t.sep != 0 || t.colon || strings.HasSuffix(t.text, ".") || k+1 >= len(toks) {
		return true
	}
	next := toks[k+1].text
	if IsConnector(next) || isEtAlStart(next) || isEllipsis(next) || next == "等" || strings.HasPrefix(next, "等") || IsEditorWord(next) || isDashChunk(next) {
		return true
	}
	if next != "" {
		r, _ := utf8.DecodeRuneInString(next)
		switch r {
		case '(', '"', '“', '«', '‘', '\'', '[':
			return true
		}
		// A year right after the names (Harvard): "Smith J 2020".
		if len(next) >= 4 && next[0] >= '1' && next[0] <= '2' && isDigits(next[:4]) {
			return true
		}
	}
	return false
}

// etAl reports whether "et al." (or "等", "et. al.") starts at word i and
// returns the index after it.
func (p *nameParser) etAl(i int) (int, bool) {
	toks := p.toks
	w := toks[i].text
	switch {
	case w == "等" || w == "等." || w == "etal." || w == "etal" || w == "et.al." || w == "et.al" || w == "et al.":
		return i + 1, true
	case (w == "et" || w == "et.") && i+1 < len(toks) && strings.HasPrefix(toks[i+1].text, "al"):
		a := strings.TrimRight(toks[i+1].text, ".")
		if a == "al" {
			return i + 2, true
		}
	}
	return 0, false
}

func isEtAlStart(w string) bool {
	return w == "et" || w == "et." || w == "等" || w == "等." || strings.HasPrefix(w, "etal") || strings.HasPrefix(w, "et.al")
}

func IsConnector(w string) bool {
	switch w {
	case "and", "&", "und", "et", "y", "e", "en", "och", "og", "i", "и", "with":
		return true
	}
	return false
}

func isEllipsis(w string) bool { return w == "…" || w == "..." || w == "…," || w == "...," }

func isNameSuffix(w string) bool {
	switch strings.TrimRight(w, ".") {
	case "Jr", "Sr", "II", "III", "IV", "Jnr", "Snr":
		return true
	}
	return false
}

func isDashRule(w string) bool {
	w = strings.TrimRight(w, ".,")
	if w == "" {
		return false
	}
	for _, r := range w {
		if r != '—' && r != '–' && r != '-' && r != '_' {
			return false
		}
	}
	return len(w) >= 2
}

func isFunctionWord(w string) bool {
	switch w {
	case "of", "for", "the", "and", "on", "in", "at", "to", "&", "de", "des", "du", "la", "le", "für", "der", "die", "und", "et", "van", "voor":
		return true
	}
	return false
}

// isAcronym reports whether w is an upper-case acronym such as "WHO",
// "U.S.", "OECD".
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 12 {
		return false
	}
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '-' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func joinWords(toks []nameTok) string {
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return toks[0].text
	}
	n := len(toks) - 1
	for i := range toks {
		n += len(toks[i].text)
	}
	var b strings.Builder
	b.Grow(n)
	for i := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(toks[i].text)
	}
	return b.String()
}

// trimNameDots drops the dot that ends a list from a family name or
// literal ("Halstead." → "Halstead"), keeping an abbreviation's ("Inc.").
func trimNameDots(s string) string {
	if !strings.HasSuffix(s, ".") {
		return s
	}
	i := strings.LastIndexByte(s, ' ')
	last := s[i+1:]
	if last == "Inc." || last == "Ltd." || last == "Co." || last == "Corp." || isAcronym(last) && strings.Count(last, ".") > 1 {
		return s
	}
	return strings.TrimRight(s, ".")
}
