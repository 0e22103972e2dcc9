package refparse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
)

// Shapes of reference lists the CRF reads wrong in styles it was not
// trained on, mended after labelling:
//
//   - a list number without a bracket or a dot ("1 P. J. Gmytrasiewicz, E.
//     H. Durfee …", the Royal Society of Chemistry, The Lancet) read as
//     the first author's first word (crfBareListNumber);
//   - names in Chinese characters run with the year into the title when
//     nothing stands between them ("张瑞喜, 梁竹青 and 金永乐 2023 一种面料的…",
//     author-date styles without punctuation after the year) (crfHanNamesBeforeYear);
//   - the title of the book a chapter is in, after "In" or "in", read as a
//     second title ("Title In Container, eds.", "Title. In : EDITORS
//     (eds.), Container.", "A. Author, in Container, eds. …") (crfChapterHost);
//   - a conference's year written elided at the end of its name ("TEI
//     ’18") read as the volume or the pages (crfElidedYear);
//   - the journal written right after the authors' initials, with no
//     title between (ACS's style without titles), read into the last
//     author's given names (crfJournalRunIntoNames), or its first words,
//     after initials-first names (Elsevier's), read as a name
//     (crfJournalAfterNames), or, written between the authors and the
//     year that ends the reference, read as a title (crfJournalBeforeYear);
//   - the proceedings a paper is in, named alone after its authors
//     ("Böck, R.; Siegert, I. Proceedings of the International Workshop
//     … 2015.", styles without titles), read as the paper's title
//     (crfProceedingsHost);
//   - a title ended at a part's number or before an erratum's citation in
//     brackets, its rest read as the journal, editors or a publisher
//     (crfTitleGoesOn).

// crfBareListNumber labels as the citation number a number of one to
// three digits that opens the reference, read as an author or editor, when
// a name read so follows it.
func crfBareListNumber(text string, toks []CRFTok, labels []CRFLabel) {
	if len(toks) < 2 || labels[0] != CRFAuthor && labels[0] != CRFEditor || labels[1] != labels[0] {
		return
	}
	t := CRFTokText(text, toks, 0)
	if len(t) > 3 || !isDigits(t) || toks[0].End == toks[1].Start {
		return
	}
	if r, _ := utf8.DecodeRuneInString(CRFTokText(text, toks, 1)); !unicode.IsUpper(r) && !unicode.Is(unicode.Han, r) {
		return
	}
	labels[0] = CRFCitNum
}

// crfHanNamesBeforeYear mends "张玲 2023 基于压褶形态的服装设计创新研究" read as
// one title: when the first title the CRF read is Chinese names (words of
// Han characters, "and", "&", "等") and then a bare year, and the title
// goes on after the year, the names are authors and the year the year.
// Nothing but authors and marks may come before, and no year.
func crfHanNamesBeforeYear(text string, toks []CRFTok, labels []CRFLabel) {
	a := -1
	for i, l := range labels {
		if l == CRFTitle {
			a = i
			break
		}
		if l != CRFAuthor && l != CRFCitNum && !(l == CRFOther && CRFIsMark(CRFTokText(text, toks, i))) {
			return
		}
	}
	if a < 0 {
		return
	}
	for i := a - 1; i >= 0 && labels[i] == CRFOther; i-- {
		if t := CRFTokText(text, toks, i); t == "." || t == "。" {
			return // "戴銘昇. 銀行法講義（2025 年 4 月版）": the title follows a full stop
		}
	}
	y, names := -1, 0
	for i := a; i < len(toks); i++ {
		t := CRFTokText(text, toks, i)
		if labels[i] != CRFTitle && labels[i] != CRFDate && !(labels[i] == CRFOther && CRFIsMark(t)) {
			return
		}
		if CRFIsMark(t) {
			continue
		}
		if len(t) == 4 && IsYear(t) {
			y = i
			break
		}
		if labels[i] != CRFTitle || !isHanName(t) && t != "and" && t != "等" {
			return
		}
		names++
	}
	if y < 0 || names == 0 || y+1 >= len(toks) {
		return
	}
	k := y + 1
	for k < len(toks) && CRFIsMark(CRFTokText(text, toks, k)) {
		k++
	}
	if k == len(toks) || labels[k] != CRFTitle || k == y+1 && CRFTokText(text, toks, k) == "年" {
		return
	}
	for i := a; i < y; i++ {
		if labels[i] == CRFTitle {
			labels[i] = CRFAuthor
		}
	}
	labels[y] = CRFDate
}

// isHanName reports whether a word may be a name written in Chinese
// characters: two to ten of them (an organisation, such as
// 中国共产党中央委员会, is an author too).
func isHanName(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 10
}

// crfChapterHost labels as the container the title the CRF read after the
// word "In" that opens a chapter's host: in a reference with no container,
// a run of title words after "In" or "in" (and the editors with their
// mark, "In : PROCTOR, G. … (eds.), Politicizing the person-centred
// approach") that follows a title of its own, or the authors ("K. Abbott
// and D. Snidal, in The Politics of Global Regulation, eds. …", a style
// that leaves the chapter's title out). "In" inside a title run is taken
// for the host's mark only when capitalised after a word, with a
// capitalised word after it ("The Decline of the West In Form and
// Actuality"): titles lower-case the word.
func crfChapterHost(text string, toks []CRFTok, labels []CRFLabel) {
	n := len(toks)
	for i := range labels {
		if labels[i] == CRFContainer {
			return
		}
	}
	for i := 1; i+1 < n; i++ {
		t := CRFTokText(text, toks, i)
		if t != "In" && t != "in" {
			continue
		}
		prev := i - 1
		for prev > 0 && labels[prev] == CRFOther && CRFIsMark(CRFTokText(text, toks, prev)) {
			prev--
		}
		var start int
		switch {
		case labels[i] == CRFTitle && t == "In" && prev == i-1 && labels[prev] == CRFTitle:
			// "… of the West In Form and Actuality": the title goes on.
			start = i + 1
			if r, _ := utf8.DecodeRuneInString(CRFTokText(text, toks, start)); !unicode.IsUpper(r) || crfCapitalisesLittleWords(text, toks, labels, i) {
				continue
			}
		case labels[i] == CRFOther && prev < i-1 && (labels[prev] == CRFTitle || labels[prev] == CRFAuthor):
			start = i + 1
			// The editors and their mark: "In : PROCTOR, G. (eds.),".
			for start < n && (labels[start] == CRFEditor || labels[start] == CRFOther) {
				start++
			}
		default:
			continue
		}
		if start >= n || labels[start] != CRFTitle || labels[prev] == CRFAuthor && crfHasLabel(labels[:prev], CRFTitle) {
			continue
		}
		if labels[prev] == CRFTitle && start > i+1 && !crfEditorsBetween(text, toks, labels, i+1, start) {
			continue
		}
		for k := start; k < n && labels[k] == CRFTitle; k++ {
			labels[k] = CRFContainer
		}
		if labels[i] == CRFTitle {
			labels[i] = CRFOther
		}
		return
	}
}

// crfCapitalisesLittleWords reports whether the title run before token i
// capitalises a little word after its first ("The Archetypal Feminine In
// The Epics Of William Blake"): there "In" may be the title's own.
func crfCapitalisesLittleWords(text string, toks []CRFTok, labels []CRFLabel, i int) bool {
	a := i
	for a > 0 && labels[a-1] == CRFTitle {
		a--
	}
	for k := a + 1; k < i; k++ {
		t := CRFTokText(text, toks, k)
		if r, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(r) && bib.IsStopWord(strings.ToLower(t)) && !CRFIsMark(CRFTokText(text, toks, k-1)) {
			return true
		}
	}
	return false
}

// crfEditorsBetween reports whether the tokens [a, b) after "In" are
// marks, or editors with their mark ("eds.", "ed.", "editor", "Hrsg.").
func crfEditorsBetween(text string, toks []CRFTok, labels []CRFLabel, a, b int) bool {
	for k := a; k < b; k++ {
		t := CRFTokText(text, toks, k)
		if labels[k] != CRFEditor && !CRFIsMark(t) && !IsEditorWord(t) {
			return false
		}
	}
	return true
}

// crfHasLabel reports whether a label is among labels.
func crfHasLabel(labels []CRFLabel, l CRFLabel) bool {
	for _, x := range labels {
		if x == l {
			return true
		}
	}
	return false
}

// crfHostEditors labels as editors the names GB/T 7714 writes after "//"
// and before the host's title ("Title[M]//BERGMAN L R, CAIRNS R B.
// Developmental science and the holistic approach. Mahwah, NJ: …",
// "[C]//Bickman L，Ellis H. Proceedings of …"), which the CRF reads into the
// container: the first sentence after "//", when all its words may be names
// and the container goes on after it.
func crfHostEditors(text string, toks []CRFTok, labels []CRFLabel) {
	n := len(toks)
	for i := 0; i < n; i++ {
		if CRFTokText(text, toks, i) != "//" {
			continue
		}
		start := i + 1
		stop := -1
		for k := start; k < n; k++ {
			t := CRFTokText(text, toks, k)
			if t == "." || t == "．" || t == "。" {
				if w := CRFTokText(text, toks, k-1); len([]rune(w)) > 1 || k+1 < n && toks[k].End < toks[k+1].Start {
					stop = k // not the stop of an initial run into the next ("J.V")
					break
				}
				continue
			}
			if !CRFIsMark(t) && (labels[k] != CRFContainer && labels[k] != CRFEditor || !mayBeNameWord(t)) {
				break
			}
		}
		if stop <= start || !mayBeNameList(text, toks, start, stop) {
			return
		}
		next := stop + 1
		for next < n && CRFIsMark(CRFTokText(text, toks, next)) {
			next++
		}
		if next == n || labels[next] != CRFContainer {
			return
		}
		for k := start; k < stop; k++ {
			labels[k] = CRFEditor
		}
		labels[stop] = CRFOther
		return
	}
}

// mayBeNameWord reports whether a word may be part of a list of names: a
// capitalised word or initials, a name in Chinese characters, or a word that
// joins names or marks them as editors or translators.
func mayBeNameWord(w string) bool {
	switch strings.ToLower(strings.Trim(w, ".")) {
	case "and", "&", "et", "al", "等", "by", "ed", "eds", "trans", "编", "主编", "译":
		return true
	}
	if isHanName(w) {
		return len([]rune(w)) <= 4
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !strings.ContainsFunc(w, unicode.IsDigit)
}

// mayBeNameList reports whether the words of tokens [a, b), each of which
// may be part of a name (mayBeNameWord), read as a list of names: one of
// them is initials or a name in Chinese characters, there are two words or a
// Chinese name, and no two words that
// are not initials follow each other unless the first is a family name in
// capitals ("Scand J Public Health" and "Form and Actuality" are titles;
// "BERGMAN L R, CAIRNS R B" and "WANG Xiaoming" are names).
func mayBeNameList(text string, toks []CRFTok, a, b int) bool {
	names, prevWord, words := false, "", 0
	for k := a; k < b; k++ {
		t := CRFTokText(text, toks, k)
		if CRFIsMark(t) {
			prevWord = ""
			continue
		}
		words++
		initials := isInitials(t)
		names = names || initials || isHanName(t)
		if !initials && prevWord != "" && !isInitials(prevWord) && !allCaps(prevWord) {
			return false
		}
		prevWord = t
	}
	return names && (words > 1 || isHanName(prevWord)) // "M. Collins (Ed.)": "M." ends no list
}

// isInitials reports whether a word is one to three capitals, with dots
// between them or not: "L", "AD", "J.V".
func isInitials(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 1 && n <= 3
}

// crfJournalAfterNames mends a style that writes no title, "M. Guerin,
// Corrosion Science, 2016, 102, 291–300" (the Royal Society of
// Chemistry's), read as two authors: when the reference has no title and
// its authors, written initials first, are followed by the year (and no
// container) or by the rest of the journal's name ("A.Y. Altuhov,
// Spravochnik. Inzhenernyi Zhurnal (2014) 3.", Elsevier's style without
// titles), the last of them that has no initials is the journal.
func crfJournalAfterNames(text string, toks []CRFTok, labels []CRFLabel) {
	if crfHasLabel(labels, CRFTitle) {
		return
	}
	a := 0
	for a < len(labels) && labels[a] != CRFAuthor {
		a++
	}
	b := a
	for b < len(labels) {
		if labels[b] == CRFAuthor {
			b++
			continue
		}
		n := b
		for n < len(labels) && labels[n] == CRFOther && CRFIsMark(CRFTokText(text, toks, n)) {
			n++
		}
		if n == b || n == len(labels) || labels[n] != CRFAuthor {
			break
		}
		b = n
	}
	if a == len(labels) || crfHasLabel(labels[b:], CRFAuthor) {
		return // no authors, or two runs of them
	}
	// The run ends with ", year".
	k := b
	for k < len(toks) && labels[k] == CRFOther && CRFIsMark(CRFTokText(text, toks, k)) {
		k++
	}
	if k == b || k == len(toks) || labels[k] != CRFDate && labels[k] != CRFContainer || labels[k] == CRFDate && crfHasLabel(labels, CRFContainer) {
		return
	}
	if labels[k] == CRFContainer && k+1 < len(toks) && CRFTokText(text, toks, k+1) == "." {
		return // an abbreviated journal follows a title: "S. Coleman, Q-balls, Nucl. Phys. B262"
	}
	// The names, split at commas and "and": each but the last starts with
	// initials; the last has none.
	var segs [][2]int
	start := a
	for i := a; i <= b; i++ {
		if i == b || CRFTokText(text, toks, i) == "," || CRFTokText(text, toks, i) == "and" {
			if i > start {
				segs = append(segs, [2]int{start, i})
			}
			start = i + 1
		}
	}
	if len(segs) < 2 {
		return
	}
	for _, s := range segs[:len(segs)-1] {
		if !isInitials(CRFTokText(text, toks, s[0])) {
			return
		}
	}
	last := segs[len(segs)-1]
	if isEtAlStart(strings.ToLower(CRFTokText(text, toks, last[0]))) {
		return // "N. Majumdar, et al., Nucl. Instrum. Methods A"
	}
	for i := last[0]; i < last[1]; i++ {
		if t := CRFTokText(text, toks, i); isInitials(t) || CRFIsMark(t) || strings.Contains(t, ".") {
			return // "H.Wittig"
		}
	}
	for i := last[0]; i < last[1]; i++ {
		labels[i] = CRFContainer
	}
	if p := last[0] - 1; p >= a && labels[p] == CRFAuthor {
		labels[p] = CRFOther // the comma before the journal
	}
}

// crfElidedYear mends the year of a conference written elided at the end
// of its name ("Proceedings … - ERM4CT ’15 2015.", "TEI ’18 (2018)"), read
// as the volume or the pages: two digits right after an apostrophe, after
// a title, container or publisher, are the end of that name.
func crfElidedYear(text string, toks []CRFTok, labels []CRFLabel) {
	for i := 2; i < len(toks); i++ {
		switch labels[i] {
		case CRFVolume, CRFIssue, CRFPages:
		default:
			continue
		}
		name := labels[i-2]
		if name != CRFTitle && name != CRFContainer && name != CRFPublisher || toks[i-1].End != toks[i].Start {
			continue
		}
		if t := CRFTokText(text, toks, i); len(t) != 2 || !isDigits(t) {
			continue
		}
		if a := CRFTokText(text, toks, i-1); a == "’" || a == "'" {
			labels[i-1], labels[i] = name, name
		}
	}
}

// crfProceedingsHost labels as the container a title that names
// proceedings ("Proceedings of …") in a reference with authors and no
// container, editor, publisher or place: a style without titles (ACS's,
// Elsevier's) writes a conference paper as its authors and the proceedings
// it is in. Unsigned, the proceedings are the work cited, and keep their
// title; with a publisher or an editor they are a book ("Gupta RK (1988)
// Proceedings of the 5th International Conference … In: Gadioli E (ed.).
// Milano: …"), and so are they, labelled, in the development set when
// abbreviated ("Proc. 30th ICRC").
func crfProceedingsHost(text string, toks []CRFTok, labels []CRFLabel) {
	for _, l := range labels {
		switch l {
		case CRFContainer, CRFEditor, CRFPublisher, CRFLocation:
			return
		}
	}
	if !crfHasLabel(labels, CRFAuthor) {
		return
	}
	a, b, ok := CRFFieldSpan(text, toks, labels, CRFTitle)
	if !ok || CRFTokText(text, toks, a) != "Proceedings" {
		return
	}
	for i := a; i < b; i++ {
		if labels[i] == CRFTitle {
			labels[i] = CRFContainer
		}
	}
}

// crfJournalRunIntoNames mends a journal written right after the last
// author's initials, with no title between ("Boxer, D.; Poupeye, V. Oxford
// Art Online 2003.", "Altuhov, A. Y. Spravochnik. Inzhenernyi zhurnal
// 2014, 3–6.", ACS's style without titles), read into the last author's
// given names: in a reference with no container, the words that end the
// author list after "Family, I." are the journal, and so is the title the
// CRF read after them, when the year follows.
func crfJournalRunIntoNames(text string, toks []CRFTok, labels []CRFLabel) {
	if crfHasLabel(labels, CRFContainer) {
		return
	}
	n := len(toks)
	a := 0
	for a < n && labels[a] != CRFAuthor {
		a++
	}
	b := a
	for b < n && labels[b] == CRFAuthor {
		b++
	}
	tok := func(i int) string { return CRFTokText(text, toks, i) }
	// The words that end the run: [k, b).
	k := b
	for k > a && !CRFIsMark(tok(k-1)) && !isInitials(tok(k-1)) {
		k--
	}
	if k == b || k < a+4 || tok(k-1) != "." {
		return
	}
	if r, _ := utf8.DecodeRuneInString(tok(k)); !unicode.IsUpper(r) {
		return // "Russell, D.A. and and Michael Winterbottom": more names
	}
	// Before them the initials, with their stops, after ", ".
	j := k - 1
	for j > a && (tok(j-1) == "." || isInitials(tok(j-1))) {
		j--
	}
	if j == k-1 || j <= a || tok(j-1) != "," {
		return
	}
	// After them, the year, or a title and the year.
	e := b
	for e < n && labels[e] == CRFOther && CRFIsMark(tok(e)) {
		e++
	}
	if e < n && labels[e] == CRFTitle {
		for e < n && (labels[e] == CRFTitle || labels[e] == CRFOther && CRFIsMark(tok(e)) && e+1 < n && labels[e+1] == CRFTitle) {
			e++
		}
	} else {
		e = b
	}
	if e == n || labels[e] != CRFDate {
		return
	}
	for i := k; i < e; i++ {
		labels[i] = CRFContainer
	}
}

// crfJournalBeforeYear labels as the container the one name written
// between the authors and the year that ends the reference, with nothing
// between name and year ("Cummins, A. Oxford Art Online 2003.", ACS's
// style without titles), which the CRF reads as a title.
func crfJournalBeforeYear(text string, toks []CRFTok, labels []CRFLabel) {
	if crfHasLabel(labels, CRFContainer) {
		return
	}
	n := len(toks)
	tok := func(i int) string { return CRFTokText(text, toks, i) }
	a := 0
	for a < n && labels[a] == CRFAuthor {
		a++
	}
	if a == 0 {
		return
	}
	// The marks after the authors, then the title.
	t := a
	for t < n && labels[t] == CRFOther && CRFIsMark(tok(t)) {
		t++
	}
	if t == n || labels[t] != CRFTitle || !CRFIsMark(tok(t-1)) {
		return
	}
	e := t
	for e < n && labels[e] == CRFTitle {
		e++
	}
	// The year right after it, then marks to the end. Not "(year)": "J.
	// Griffin, The Odyssey (1987)." is a book.
	d := e
	if d == n || labels[d] != CRFDate {
		return
	}
	for i := d + 1; i < n; i++ {
		if labels[i] != CRFOther && labels[i] != CRFDate || !CRFIsMark(tok(i)) && labels[i] != CRFDate {
			return
		}
	}
	for i := t; i < e; i++ {
		labels[i] = CRFContainer
	}
}

// crfTitleGoesOn mends a title the CRF ended too soon, before the journal:
//   - at the number of a part ("… UND HYDRAZINEN 2. MITT. DARSTELLUNG …
//     LITHIUMHYDRIDOBORAT. Chemischer Informationsdienst, 6(26)"), the
//     words after it read as editors, a publisher or, in the title's
//     capitals, the journal's first words;
//   - at a citation in square brackets that ends it, an erratum's ("…
//     electronic structure [J. Chem. Phys. 77, 2460 (1982)]. The Journal
//     of Chemical Physics, 77(12), 6350"), read as the journal and its
//     locator.
//
// Either is the title's when the journal follows it.
func crfTitleGoesOn(text string, toks []CRFTok, labels []CRFLabel) {
	a, b, ok := CRFFieldSpan(text, toks, labels, CRFTitle)
	n := len(toks)
	if !ok || b >= n-2 || b == a {
		return
	}
	tok := func(i int) string { return CRFTokText(text, toks, i) }
	// end is where the title's continuation ends: the journal follows it.
	end := -1
	switch {
	case tok(b) == "[":
		for j := b + 1; j < n && j < b+24; j++ {
			if tok(j) == "]" {
				if in := labels[b+1 : j]; crfHasLabel(in, CRFContainer) && (crfHasLabel(in, CRFVolume) || crfHasLabel(in, CRFPages)) {
					end = j + 1 // not a GB/T 7714 type code, "[J]"
				}
				break
			}
		}
	case tok(b) == "." && len(tok(b-1)) <= 2 && isDigits(tok(b-1)) && labels[b+1] != CRFTitle:
		switch l := labels[b+1]; l {
		case CRFEditor, CRFPublisher:
			end = b + 1
			for end < n && labels[end] == l {
				end++
			}
		case CRFContainer:
			// The journal's name run on: the title's capitals go on to a
			// stop, and the journal follows.
			if !crfCapitals(text, toks, max(a, b-4), b) {
				return
			}
			for j := b + 1; j < n && labels[j] == l; j++ {
				t := tok(j)
				if t == "." && (j+1 == n || !allCaps(tok(j+1))) {
					end = j
					break
				}
				if !CRFIsMark(t) && !allCaps(t) {
					return
				}
			}
		}
	}
	if end < 0 {
		return
	}
	// The journal, and its locator, after the continuation.
	c := end
	for c < n && labels[c] == CRFOther && CRFIsMark(tok(c)) {
		c++
	}
	if c == n || labels[c] != CRFContainer || !crfHasLabel(labels[c:], CRFVolume) && !crfHasLabel(labels[c:], CRFPages) {
		return
	}
	for i := b; i < end; i++ {
		labels[i] = CRFTitle
	}
}

// crfCapitals reports whether the words of tokens [a, b), two at least,
// are written in capitals.
func crfCapitals(text string, toks []CRFTok, a, b int) bool {
	words := 0
	for i := a; i < b; i++ {
		t := CRFTokText(text, toks, i)
		if strings.ContainsFunc(t, unicode.IsLower) {
			return false
		}
		if strings.ContainsFunc(t, unicode.IsUpper) {
			words++
		}
	}
	return words >= 2
}
