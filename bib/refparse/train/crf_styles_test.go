package train

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib/refparse"
)

// The styles written from a real record: the seed list's Ruffini (2020),
// read back from its labels (testdata/refparse/seed-references-labelled.xml).
func TestCRFRenderStyle(t *testing.T) {
	d := crfTestDataset(t)
	var rec crfRecord
	for k := range d.seed {
		if strings.HasPrefix(d.seed[k].text, "Ruffini P B. Collaboration") {
			r, ok := crfRecordOf(&d.seed[k])
			if !ok {
				t.Fatal("no record read from the seed's Ruffini (2020)")
			}
			rec = r
		}
	}
	want := map[crfStyle]string{
		crfStyleAPA:       "Ruffini, P. B. (2020). Collaboration and competition: The twofold logic of science diplomacy. The Hague Journal of Diplomacy, 15(3), 371-382.",
		crfStyleChicago:   "Ruffini, P B. 2020. “Collaboration and competition: The twofold logic of science diplomacy.” The Hague Journal of Diplomacy 15 (3): 371-382.",
		crfStyleMLA:       "Ruffini, P B. “Collaboration and competition: The twofold logic of science diplomacy.” The Hague Journal of Diplomacy, vol. 15, no. 3, 2020, pp. 371-382.",
		crfStyleHarvard:   "Ruffini, P. B. (2020) ‘Collaboration and competition: The twofold logic of science diplomacy’, The Hague Journal of Diplomacy, 15(3), pp. 371-382.",
		crfStyleVancouver: "Ruffini PB. Collaboration and competition: The twofold logic of science diplomacy. The Hague Journal of Diplomacy. 2020;15(3):371-382.",
		crfStyleIEEE:      "[n] P. B. Ruffini, “Collaboration and competition: The twofold logic of science diplomacy,” The Hague Journal of Diplomacy, vol. 15, no. 3, pp. 371-382, 2020.",
	}
	for st := crfStyle(0); st < crfNumStyles; st++ {
		rnd := crfRand(1)
		text, spans, kind, ok := crfRenderStyle(&rec, st, &rnd)
		if !ok || kind != "article" {
			t.Fatalf("%s: ok %v, kind %q", crfStyleNames[st], ok, kind)
		}
		got := text
		if st == crfStyleIEEE || st == crfStyleVancouver {
			// The citation number is drawn.
			if i := strings.Index(got, "] "); st == crfStyleIEEE && i > 0 {
				got = "[n" + got[i:]
			}
			if i := strings.Index(got, ". "); st == crfStyleVancouver && i > 0 && got[0] >= '0' && got[0] <= '9' {
				got = got[i+2:]
			}
		}
		if got != want[st] {
			t.Errorf("%s:\n got %s\nwant %s", crfStyleNames[st], got, want[st])
		}
		e := crfNewExample(text, spans, "style")
		fields := map[refparse.CRFLabel]string{}
		for i := range e.toks {
			if l := e.labels[i]; l != refparse.CRFOther && l != refparse.CRFCitNum {
				fields[l] += refparse.CRFTokText(text, e.toks, i) + " "
			}
		}
		wantFields := map[refparse.CRFLabel]string{
			refparse.CRFAuthor: "Ruffini , P . B ", refparse.CRFDate: "2020 ", refparse.CRFTitle: "Collaboration and competition : The twofold logic of science diplomacy ",
			refparse.CRFContainer: "The Hague Journal of Diplomacy ", refparse.CRFVolume: "15 ", refparse.CRFIssue: "3 ", refparse.CRFPages: "371-382 ",
		}
		switch st {
		case crfStyleChicago, crfStyleMLA:
			wantFields[refparse.CRFAuthor] = "Ruffini , P B "
		case crfStyleVancouver:
			wantFields[refparse.CRFAuthor] = "Ruffini PB "
		case crfStyleIEEE:
			wantFields[refparse.CRFAuthor] = "P . B . Ruffini "
		}
		for l, s := range wantFields {
			if fields[l] != s {
				t.Errorf("%s: %s %q, want %q", crfStyleNames[st], l, fields[l], s)
			}
		}
	}
}

func TestCRFInitials(t *testing.T) {
	tests := []struct{ given, dotted, spaced, compact string }{
		{"Pierre-Bruno", "P.-B.", "P-B", "P-B"},
		{"P B", "P. B.", "P B", "PB"},
		{"JM", "J. M.", "J M", "JM"},
		{"J.M.", "J. M.", "J M", "JM"},
		{"John Michael", "J. M.", "J M", "JM"},
		{"Wai-Kai", "W.-K.", "W-K", "W-K"},
		{"Wai‐Kai", "W.-K.", "W-K", "W-K"},
		{"Jean-Luc J", "J.-L. J.", "J-L J", "J-LJ"},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		if got := crfInitials(tt.given, true, " "); got != tt.dotted {
			t.Errorf("crfInitials(%q, dotted) = %q, want %q", tt.given, got, tt.dotted)
		}
		if got := crfInitials(tt.given, false, " "); got != tt.spaced {
			t.Errorf("crfInitials(%q, spaced) = %q, want %q", tt.given, got, tt.spaced)
		}
		if got := crfInitials(tt.given, false, ""); got != tt.compact {
			t.Errorf("crfInitials(%q) = %q, want %q", tt.given, got, tt.compact)
		}
	}
}
