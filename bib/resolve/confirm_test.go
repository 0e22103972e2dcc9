package resolve

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// TestConfirm checks the verdicts on candidates for the seed list's
// fourth reference (Ruffini 2020, The Hague Journal of Diplomacy): its own
// description is confirmed; Ruffini's other 2020 paper (the sixteenth
// reference: same author, same year) is not, nor the same paper with a
// year two off, nor a paper with another DOI.
func TestConfirm(t *testing.T) {
	ruffini := refparse.ParseReference("Ruffini P B. Collaboration and competition: The twofold logic of science diplomacy. The Hague Journal of Diplomacy, 2020, 15(3): 371-382.")
	other := refparse.ParseReference("Ruffini P B. Conceptualizing science diplomacy in the practitioner-driven literature: A critical review. Humanities and Social Sciences Communications, 2020, 7: 124.")
	ref := &bib.Reference{Raw: "4. Ruffini P B. Collaboration and competition: The twofold logic of science diplomacy. The Hague Journal of Diplomacy, 2020, 15(3): 371-382.", Work: ruffini}
	late := ruffini
	late.Year = 2022
	withDOI := ruffini
	withDOI.DOI = "10.5555/test-1"
	refDOI := *ref
	refDOI.DOI = "10.5555/test-2"
	for _, tc := range []struct {
		name      string
		ref       *bib.Reference
		candidate bib.Work
		ok        bool
		reason    string
	}{
		{"itself", ref, ruffini, true, ""},
		{"the other 2020 paper", ref, other, false, "title differs"},
		{"two years later", ref, late, false, "year 2022, not 2020"},
		{"another DOI", &refDOI, withDOI, false, "DOI differs"},
	} {
		c := Confirm(tc.ref, &tc.candidate)
		if c.OK != tc.ok || c.Reason != tc.reason {
			t.Errorf("%s: %+v; want ok %v, reason %q", tc.name, c, tc.ok, tc.reason)
		}
		if c.OK && (c.Score < 0.9 || !strings.Contains(c.Agreed, "author+initial+year+title")) {
			t.Errorf("%s: score %.3f on %s", tc.name, c.Score, c.Agreed)
		}
	}
}
