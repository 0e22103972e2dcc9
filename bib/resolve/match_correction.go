package resolve

import "strings"

// A correction notice (an erratum, a corrigendum) is a work of its own,
// printed on its own page, whose title quotes the citation of the work it
// corrects: "Erratum: Title of the paper [J. Chem. Phys. 77, 2460
// (1982)]", printed at 77, 6350. The corrected paper's page is then among
// the notice's numbers, where compare and compareText would take it for
// the notice's own page misread by a parser.

// correctionWords name a correction notice, in its title.
var correctionWords = []string{"erratum", "errata", "corrigendum", "corrigenda"}

// correctionWord reports whether a word of a text (folded, as splitText
// gives it) names a correction notice, one edit off for noise
// ("errratum").
func correctionWord(w []byte) bool {
	if len(w) < 5 || len(w) > 12 || w[0] != 'e' && w[0] != 'c' {
		return false
	}
	for _, c := range correctionWords {
		if oneEdit(string(w), c) {
			return true
		}
	}
	return false
}

// correctsOther reports whether one of a and b is a correction notice
// and the other the work it corrects: their first pages, both parsed,
// differ; the notice's text holds the other's page before its own (in the
// citation its title quotes), and the other's text does not hold the
// notice's page. A parser that took an issue or a misread number for the
// page of one copy of a notice leaves the other copy's page after it, or
// in both texts.
func (m *matcher) correctsOther(a, b *profile) bool {
	if a.correction == b.correction || a.page == "" || b.page == "" || samePage(a.page, b.page) {
		return false
	}
	if b.correction {
		a, b = b, a
	}
	if !m.numIn(a, b.page, b.pageNum) || m.numIn(b, a.page, a.pageNum) {
		return false
	}
	text := readLookAlikes(a.text)
	quoted := strings.Index(text, b.page)
	return quoted >= 0 && strings.LastIndex(text, a.page) > quoted
}
