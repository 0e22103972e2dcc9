package resolve

import "testing"

// TestCorrectionApart: an erratum, whose title quotes the citation of the
// paper it corrects, is not that paper, cited by its volume and page
// alone; a copy of the erratum cited by its own page joins it.
// Constructed.
func TestCorrectionApart(t *testing.T) {
	erratum := "Rossi, M., & Verdi, L. (1990). Erratum: Spin waves in thin permalloy films [J. Appl. Phys. 67, 1234 (1990)]. Journal of Applied Physics, 67(9), 5678–5678."
	c := parsedLists(erratum, "M. Rossi, L. Verdi, Journal of Applied Physics 67 (1990) 1234.")
	if sameWork(c, 0, 1) {
		t.Errorf("an erratum joined the paper it corrects: %+v", c.Refs)
	}
	c = parsedLists(erratum, "M. Rossi, L. Verdi, Journal of Applied Physics 67 (1990) 5678.")
	if !sameWork(c, 0, 1) {
		t.Errorf("two copies of an erratum apart: %+v", c.Refs)
	}
}

// TestCorrectionWord: the words that name a correction notice, one edit
// off for noise, and words that do not.
func TestCorrectionWord(t *testing.T) {
	for w, want := range map[string]bool{"erratum": true, "errratum": true, "corrigendum": true, "errata": true,
		"eratum": true, "error": false, "erasmus": false, "correction": false, "era": false} {
		if got := correctionWord([]byte(w)); got != want {
			t.Errorf("correctionWord(%q) = %v, want %v", w, got, want)
		}
	}
}
