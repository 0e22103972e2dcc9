package refparse

import "testing"

func TestReadDigitLookAlikes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Rao, K. M. (l985). Buckling", "Rao, K. M. (1985). Buckling"},
		{"Technology 20IO, 28, 379", "Technology 2010, 28, 379"},
		{"Erratum. (19B3). 58(3), 662.", "Erratum. (1983). 58(3), 662."},
		{"Care, 23(1), 10B–112 (201S)", "Care, 23(1), 108–112 (2015)"},
		{"Science I76 (2012) 17", "Science 176 (2012) 17"},
		// Clean text keeps its codes, units and suffixes.
		{"Suppl. S219: 4S; 28S rRNA; 16S rDNA", "Suppl. S219: 4S; 28S rRNA; 16S rDNA"},
		{"Jameson 1971B; DB6106/T 209; B12; AML1; Groups10; 1960s", "Jameson 1971B; DB6106/T 209; B12; AML1; Groups10; 1960s"},
		{"II, IO, lI", "II, IO, lI"},
		// A year run into the word before it.
		{"Forestry Siences1989, 567–589.", "Forestry Siences 1989, 567–589."},
		{"Cardiovascular Pathology20O0, 9, 337", "Cardiovascular Pathology 2000, 9, 337"},
		{"PhysTeV2015; JINST11; covid19; uploads/2020/09/Report_Sept2020.pdf", "PhysTeV2015; JINST11; covid19; uploads/2020/09/Report_Sept2020.pdf"},
	} {
		if got := readDigitLookAlikes(tc.in); got != tc.want {
			t.Errorf("readDigitLookAlikes(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestReadRangeLookAlikes: constructed ranges, the look-alike letters read
// only where the other end makes them a range.
func TestReadRangeLookAlikes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"23(1), 10B–112.", "23(1), 108–112."},
		{"50, S23–524.", "50, 523–524."},
		{"36(1), IS3-164", "36(1), 153-164"},
		{"lI3–119; l7l-176; 862B–B634", "113–119; 171-176; 8628–8634"},
		{"19(10), S2l3–S217.", "19(10), S213–S217."},
		{"159, F4B–F5S.", "159, F48–F55."},
		{"11S-I26, 23S–246", "115-126, 235–246"},
		{"127(I-2), 45–62", "127(1-2), 45–62"},
		// Ranges of clean text, and what reads as no range.
		{"S1–S9; B12–B15; S5–10; S1-2; B-2; 16S–23S; COVID-19; Mo-Ti; I-II; 978-0-520", "S1–S9; B12–B15; S5–10; S1-2; B-2; 16S–23S; COVID-19; Mo-Ti; I-II; 978-0-520"},
	} {
		if got := readRangeLookAlikes(tc.in); got != tc.want {
			t.Errorf("readRangeLookAlikes(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseReferenceLookAlikeYear(t *testing.T) {
	clean := ParseReference("Nelson, J. L. (2006). A comparison of three hair-tube types. Australian Mammalogy, 28(2), 229.")
	noisy := ParseReference("Nolson, j. L. (20O6). A comparison of three hair-tube tyes. AusTralian Mammalogy, 28(2), 229.")
	if clean.Year != 2006 || noisy.Year != clean.Year || noisy.Volume != clean.Volume || noisy.Pages != clean.Pages {
		t.Errorf("noisy year %d volume %q pages %q, clean %d %q %q", noisy.Year, noisy.Volume, noisy.Pages, clean.Year, clean.Volume, clean.Pages)
	}
}

func TestParseReferenceDegradedLostStop(t *testing.T) {
	w := ParseReference("Hudson, W. S.. Book Review: Liberty and Reformation. Interpretation: A Journal of Bible and Theology 1956. 10. 2. 248-250")
	if w.Year != 1956 || w.Volume != "10" || w.Issue != "2" || w.Pages != "248-250" {
		t.Errorf("year %d volume %q issue %q pages %q, want 1956 10 2 248-250", w.Year, w.Volume, w.Issue, w.Pages)
	}
}

func TestParseReferenceElsevierLostBracket(t *testing.T) {
	for _, raw := range []string{
		"M.D. Kurniawan, M. Pudjianto, Jurnal Kesehatn 10 (2017 40.",
		"M.D. Kurniawan, M. Pudjianto, Jurnal Kesehatn 10 2017) 40.",
	} {
		if w := ParseReference(raw); w.Year != 2017 || w.Volume != "10" || w.Pages != "40" {
			t.Errorf("%q: year %d volume %q pages %q, want 2017 10 40", raw, w.Year, w.Volume, w.Pages)
		}
	}
}
