package refparse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
)

// Text extracted from PDFs and read by OCR damages author lists in a few
// ways that any reader of such text meets: spaces lost ("M.E.Jung",
// "Swanzy.H.") or added inside a family name ("Ackerma n, N."), a stop read
// as a comma ("H,Liri", "Boschi, A,;"), letters read as look-alike digits
// ("8usija", "He1my"), a capital read in lower case ("anderson, N B.",
// "L. alessio"), an initial doubled ("DD.J.") or lost ("Bahrett, . 2013").
// The rules here mend the words of an author list where the words around
// them say it is one, so that titles and sources are not taken for names.

// gluedWordAt returns where a word that lost the space before it starts
// inside w, or 0: initials run into a family name, a title or a year
// ("M.E.Jung,", "S.Fuel", "N..Modulation", "P.(2017).", "A.2009)."), a
// family name run into its initials ("Swanzy.H."), and a comma run into
// the stop of a lost initial ("Smit,.").
func gluedWordAt(w string) int {
	if len(w) < 3 {
		return 0
	}
	if strings.HasSuffix(w, ",.") {
		return len(w) - 1
	}
	if strings.IndexByte(w[:len(w)-1], '.') < 0 {
		return 0
	}
	for p := 1; p < len(w)-1; p++ {
		if w[p] != '.' {
			continue
		}
		q := p + 1
		for q < len(w) && w[q] == '.' {
			q++
		}
		if q >= len(w) {
			return 0
		}
		head, rest := w[:q], w[q:]
		if isInitialsWord(head) && startsWord(rest) {
			return q
		}
		if isNameWord(w[:p]) && isInitialsWord(strings.TrimRight(rest, ",;:")) && !isInitialsWord(w[:p]) {
			return q
		}
		p = q - 1
	}
	return 0
}

// startsWord reports whether s starts with a word run into initials: a
// capital followed by a small letter ("Jung", "The"), or a year, perhaps
// in brackets ("(2017).", "2009).").
func startsWord(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsUpper(r) {
		r2, _ := utf8.DecodeRuneInString(s[n:])
		return unicode.IsLower(r2)
	}
	s = strings.TrimPrefix(s, "(")
	return len(s) >= 4 && IsYear(s[:4])
}

// mendNoisyNames mends, in place, the words of an author list that OCR
// damaged, where the words around them show a name: a family name split
// by a space (splitFamilyParts), a capital read in lower case
// (lowerNameAt) and letters read as digits (readNameDigits). It returns
// the words, fewer when some were joined. It stops a few words after a
// word no author list holds (endsAnyList): the title and source are
// left as they are, and unread.
func mendNoisyNames(toks []nameTok) []nameTok {
	stop := len(toks)
	for i := 0; i < len(toks) && i < stop; i++ {
		t := &toks[i]
		if w := readNameDigits(toks, i); w != "" {
			t.text = w
		}
		if n := splitFamilyParts(toks, i); n > 1 {
			var b strings.Builder
			for k := i; k < i+n; k++ {
				b.WriteString(toks[k].text)
			}
			last := toks[i+n-1]
			t.text, t.end, t.sep, t.colon = b.String(), last.end, last.sep, last.colon
			toks = append(toks[:i+1], toks[i+n:]...)
		}
		if lowerNameAt(toks, i) {
			r, n := utf8.DecodeRuneInString(t.text)
			t.text = string(unicode.ToUpper(r)) + t.text[n:]
			if strings.Count(t.text, ".") > 1 {
				t.text = strings.ToUpper(t.text) // "g.a." as initials
			}
		}
		if stop == len(toks) && endsAnyList(t.text) {
			stop = i + 4 // the words the parser looks ahead to
		}
	}
	return toks
}

// endsAnyList reports whether an author list cannot go on past the word
// w: a year ("(2005).", "2005,") or a lower-case word closing a sentence
// ("networks.").
func endsAnyList(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c == '(' || c == '1' || c == '2' {
		y := strings.Trim(w, "()[].,;:")
		return len(y) == 4 && IsYear(y)
	}
	if len(w) < 5 || w[len(w)-1] != '.' {
		return false
	}
	for i := 0; i < len(w)-1; i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// startsName reports whether a name may start at word i: first in the
// list, after a separator or a connector, or after initials ("L. alessio").
func startsName(toks []nameTok, i int) bool {
	if i == 0 {
		return true
	}
	prev := &toks[i-1]
	return prev.sep != 0 || IsConnector(prev.text)
}

// isFragment reports whether w is the lower-case rest of a word split by a
// space: letters only, not a particle, connector or function word.
func isFragment(w string) bool {
	if w == "" || w[0] < utf8.RuneSelf && (w[0] < 'a' || w[0] > 'z') {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	for _, c := range w {
		if !unicode.IsLetter(c) && c != '-' {
			return false
		}
	}
	return !isParticle(w) && !IsConnector(w) && !isFunctionWord(w) && !isEtAlStart(w) && !IsEditorWord(w)
}

// splitFamilyParts returns how many words, from word i, make one family
// name that a space split ("Ackerma n, N.", "B elikov, M. Y.", "P R asuli,
// D.K.", "Karabego vic A.;"), or 0: a capitalised word or a lone capital,
// then one or two lower-case fragments, the last closed by a separator
// before given names, or followed by initials closed by one.
func splitFamilyParts(toks []nameTok, i int) int {
	if i+1 >= len(toks) || toks[i].sep != 0 {
		return 0
	}
	if next := toks[i+1].text; next == "" || next[0] < utf8.RuneSelf && (next[0] < 'a' || next[0] > 'z') {
		return 0
	}
	if !(startsName(toks, i) || i > 0 && isInitialsWord(toks[i-1].text)) {
		return 0
	}
	head := toks[i].text
	r, _ := utf8.DecodeRuneInString(head)
	// A lone "A" is more often the article of a title ("A review, …").
	if !isNameWord(head) && !(len(head) == 1 && unicode.IsUpper(r) && head != "A") {
		return 0
	}
	for k := i + 1; k < len(toks) && k-i <= 2; k++ {
		t := &toks[k]
		if !isFragment(t.text) {
			return 0
		}
		switch {
		case t.sep != 0 && k+1 < len(toks) && isInitialsLike(toks[k+1].text):
			return k - i + 1
		case t.sep == 0 && k+1 < len(toks) && isInitialsWord(toks[k+1].text) && toks[k+1].sep != 0:
			return k - i + 1
		case t.sep != 0 || t.colon:
			return 0
		}
	}
	return 0
}

// isInitialsLike reports whether w can follow "Family," as initials: in
// either case, or only their stop ("Bahrett, . 2013").
func isInitialsLike(w string) bool {
	return w == "." || isInitialsWord(w) || isLowerInitials(w)
}

// isGivenLike reports whether w can follow "Family," as the given name:
// initials in either case, a capitalised word, or the stop of an initial
// lost ("Bahrett, . 2013").
func isGivenLike(w string) bool {
	return w == "." || isInitialsWord(w) || isLowerInitials(w) || isNameWord(strings.TrimRight(w, "."))
}

// isLowerInitials reports whether w is initials read in lower case: "h.",
// "g.A.", "m.F.".
func isLowerInitials(w string) bool {
	if len(w) < 2 || w[0] < 'a' || w[0] > 'z' || w[1] != '.' {
		return false
	}
	return len(w) == 2 || isInitialsWord(w[2:])
}

// lowerNameAt reports whether word i is a name whose capital OCR read in
// lower case: initials after "Family," ("Ansah, m. A.") or before a family
// name closed by a separator ("h. Reineeke,"), or a family name closed by
// a separator first in a name and followed by given names ("anderson, N
// B.") or after initials ("L. alessio,").
func lowerNameAt(toks []nameTok, i int) bool {
	t := &toks[i]
	if t.text == "" || t.text[0] < 'a' || t.text[0] > 'z' {
		return false
	}
	if isLowerInitials(t.text) {
		if t.sep == 0 && startsName(toks, i) && i+1 < len(toks) && toks[i+1].sep != 0 && isNameWord(capitalised(toks[i+1].text)) {
			return true
		}
		return i > 0 && toks[i-1].sep == ',' && isNameWord(toks[i-1].text)
	}
	first := startsName(toks, i) && t.sep != 0 && i+1 < len(toks)
	afterInitials := i > 0 && (t.sep != 0 || i+1 == len(toks)) && toks[i-1].sep == 0 && strings.HasSuffix(toks[i-1].text, ".")
	if !first && !afterInitials || utf8.RuneCountInString(t.text) < 2 || !isFragment(t.text) {
		return false
	}
	if first && isGivenLike(toks[i+1].text) {
		return true
	}
	return afterInitials && isInitialsWord(toks[i-1].text)
}

// capitalised returns w with its first letter upper-cased.
func capitalised(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

// digitLetters are the letters OCR reads as digits, by digit.
var digitLetters = [10]rune{0: 'O', 1: 'I', 5: 'S', 8: 'B'}

// readNameDigits returns word i with the digits OCR read for letters
// read back ("8usija" Busija, "He1my" Helmy, "5." S. after "McLaughlin,"),
// or "" when it is no such word: digits among letters that make a name,
// or a lone digit as an initial after "Family,".
func readNameDigits(toks []nameTok, i int) string {
	w := toks[i].text
	if w == "" || w[0] == '(' || !hasLookAlikeDigit(w) {
		return ""
	}
	lone := len(w) == 2 && w[1] == '.'
	if lone && !(i > 0 && toks[i-1].sep == ',' && isNameWord(toks[i-1].text)) {
		return ""
	}
	letters := 0
	b := []rune(w)
	for k, c := range b {
		switch {
		case unicode.IsLetter(c):
			letters++
		case c >= '0' && c <= '9':
			l := digitLetters[c-'0']
			// A digit OCR read for a letter touches a letter: "18-Tang" and
			// "55th" are a number.
			touches := k > 0 && unicode.IsLetter(b[k-1]) || k+1 < len(b) && unicode.IsLetter(b[k+1])
			if l == 0 || !touches && !lone || isOrdinal(w) {
				return ""
			}
			// Lower case between or before lower-case letters: "He1my", "5umerling" stays S.
			if k > 0 && unicode.IsLower(b[k-1]) {
				l = unicode.ToLower(l)
				if c == '1' {
					l = 'l'
				}
			}
			b[k] = l
		case c == '.' || c == '-' || c == '\'' || c == '’':
		default:
			return ""
		}
	}
	if letters < 2 && !lone {
		return "" // "5M." is a model, not initials
	}
	out := string(b)
	if isNameWord(out) || isInitialsWord(out) {
		return out
	}
	return ""
}

// commaForStop reports whether the comma after the initials of word k
// stands for their stop ("H,Liri,", "N.B, Anderson,", "R,S. Putnam"): a
// capital alone or dotted initials, followed by more initials or a
// family name.
func (p *nameParser) commaForStop(k int) bool {
	toks := p.toks
	t := &toks[k]
	if t.sep != ',' || k+1 >= len(toks) || strings.HasSuffix(t.text, ".") || !(len(t.text) == 1 || strings.Contains(t.text, ".")) {
		return false
	}
	next := toks[k+1].text
	return isInitialsWord(next) || isNameWord(strings.TrimRight(next, "."))
}

// unmarkedFamilyEnd returns the end of the family name starting at word k,
// after the initials from word i, when noise lost the separator after it:
// another name written the same way follows ("B. Fultz H. Kuwano,"), or,
// first in the list after dotted initials, the source does ("J.
// SILVERMAN Internal Medicine News"). The family name is then one word
// after its particles.
func (p *nameParser) unmarkedFamilyEnd(i, k int, first bool) (int, bool) {
	toks := p.toks
	e := k
	for e < len(toks) && isParticle(toks[e].text) {
		e++
	}
	if e >= len(toks) || !isNameWord(toks[e].text) {
		return 0, false
	}
	e++
	if e >= len(toks) {
		return e, true
	}
	if p.startsInitFirst(e) {
		return e, true
	}
	r, _ := utf8.DecodeRuneInString(toks[e].text)
	if first && strings.Contains(toks[i].text, ".") && (unicode.IsUpper(r) || unicode.IsDigit(r)) {
		return e, true
	}
	return 0, false
}

// startsInitFirst reports whether a name written "Initials Family" and
// closed by a separator or a stop starts at word e: "H. Kuwano,".
func (p *nameParser) startsInitFirst(e int) bool {
	toks := p.toks
	if e+1 >= len(toks) || toks[e].sep != 0 || !strings.Contains(toks[e].text, ".") || !isInitialsWord(toks[e].text) {
		return false
	}
	w, dotted := toks[e+1].bare()
	return isNameWord(w) && (dotted || toks[e+1].sep != 0)
}

// lostGiven reads "Family," whose given name noise lost, from word i, the
// family name ending before word j: only the stop of the initials is left
// ("Bahrett, . 2013).", "Adrion, .;Klinger, A.", "Smit,. Making") or the
// year follows ("Koskoff, (2014).").
func (p *nameParser) lostGiven(i, j int) (bib.Name, int, bool) {
	toks := p.toks
	switch {
	case toks[j].text == ".":
		return bib.Name{Family: joinWords(toks[i:j])}, j + 1, true
	case i == 0 && isYearCitation(toks[j].text):
		return bib.Name{Family: joinWords(toks[i:j])}, j, true
	}
	return bib.Name{}, 0, false
}

// invStop reads "Family. Initials;" from word i, a stop read for the
// comma after the family name ("Adonin. S. A.;", "Ci bulka. I.;"): the
// initials must be closed by a separator.
func (p *nameParser) invStop(i int) (bib.Name, int, bool) {
	toks := p.toks
	w, dotted := toks[i].bare()
	if !dotted || toks[i].sep != 0 || !isNameWord(w) || strings.Count(toks[i].text, ".") > 1 || isAbbreviation(w) {
		return bib.Name{}, 0, false
	}
	for k := i + 1; k < len(toks) && k-i <= 3 && isInitialsWord(toks[k].text); k++ {
		if toks[k].sep != 0 {
			if !strings.HasSuffix(toks[k].text, ".") && toks[k].sep == ',' {
				break // "Notes. A, B": letters of a list
			}
			return bib.Name{Family: w, Given: joinWords(toks[i+1 : k+1])}, k + 1, true
		}
	}
	return bib.Name{}, 0, false
}

// isOrdinal reports whether w is a number written as an ordinal: "5th", "1st".
func isOrdinal(w string) bool {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	switch strings.ToLower(strings.TrimRight(w[i:], ".")) {
	case "st", "nd", "rd", "th":
		return i > 0
	}
	return false
}

// resync returns where an author list goes on after words from i that
// noise damaged beyond reading as a name (at most four, the last closed
// by the list's separator), or false: another name of the list's form
// follows ("…; Won,J K. Y.; Woollins, J. C. Journal", "…, Li, J.-.,
// Dykoski, R., & Tholakanohalli, V. N. (2015).").
func (p *nameParser) resync(i int, listSep byte, form nameForm) (int, bool) {
	toks := p.toks
	if listSep == 0 {
		return 0, false
	}
	for k := i + 1; k <= i+4 && k < len(toks); k++ {
		prev := &toks[k-1]
		// Commas separate family and given names in a list separated by ";".
		if prev.colon || prev.sep != 0 && prev.sep != listSep && listSep != ';' {
			return 0, false
		}
		if prev.sep == listSep && p.resumesAt(k, form, listSep) {
			return k, true
		}
	}
	return 0, false
}

// resumesAt reports whether a name written "Family, Initials" starts at
// word k and reads as one beyond doubt: in a list separated by ";" (ACS)
// it is enough; in one separated by commas, another comma must follow it
// and an "&" or a year in brackets soon after (APA: "…, Leigh, D. A.,
// Mullen, K. M., & Woollins, J. D. (2011)."). Lists of names written
// "Initials Family" are not resumed: on the Crossref set at 5% noise that
// joined works that differ only in the titles their style leaves out.
func (p *nameParser) resumesAt(k int, form nameForm, listSep byte) bool {
	toks := p.toks
	if k >= len(toks) || form != formInv {
		return false
	}
	_, next, f, ok := p.name(k, form, false, false)
	if !ok || f != form {
		return false
	}
	if !isInitialsWord(toks[next-1].text) {
		return false
	}
	if listSep == ';' {
		return true
	}
	if toks[next-1].sep != ',' {
		return false
	}

	for j := next; j < len(toks) && j < next+12; j++ {
		if w := toks[j].text; IsConnector(w) || isYearCitation(w) {
			return true
		}
	}
	return false
}

// hasLookAlikeDigit reports whether w holds a digit OCR reads for a letter.
func hasLookAlikeDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= '0' && c <= '9' && digitLetters[c-'0'] != 0 {
			return true
		}
	}
	return false
}

// resumesSemicolonList reports whether a list separated by ";" goes on at
// word i though no separator came before it: the list's names so far
// were separated by ";", or the name at i is closed by one ("BescHin, N.
// CubelLi, R.; Della Sala, S.;").
func (p *nameParser) resumesSemicolonList(i int, form nameForm, listSep byte) bool {
	if listSep != ';' && listSep != 0 || !p.resumesAt(i, form, ';') {
		return false
	}
	if listSep == ';' {
		return true
	}
	_, next, _, _ := p.name(i, form, false, false)
	return p.toks[next-1].sep == ';'
}
