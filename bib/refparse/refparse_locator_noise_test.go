package refparse

import "testing"

// TestParseReferenceAPALostBracket: constructed references whose bracket
// after the issue was lost in extraction.
func TestParseReferenceAPALostBracket(t *testing.T) {
	for _, tc := range []struct{ raw, volume, issue, pages string }{
		{"Draelos, Z. D. (2000). Novel topical therapies. Current Problems in Dermatology, 12(5, 235–239.", "12", "5", "235-239"},
		{"Verner, M. (1991). A title. ACI Materials Journal, 88(3.", "88", "3", ""},
	} {
		if w := ParseReference(tc.raw); w.Volume != tc.volume || w.Issue != tc.issue || w.Pages != tc.pages {
			t.Errorf("%q: volume %q issue %q pages %q, want %q %q %q", tc.raw, w.Volume, w.Issue, w.Pages, tc.volume, tc.issue, tc.pages)
		}
	}
}

// TestParseReferenceLostBracketNoVolume: constructed Elsevier references of
// books, without a volume, whose bracket around the year or "n.d." was lost.
func TestParseReferenceLostBracketNoVolume(t *testing.T) {
	for _, tc := range []struct {
		raw   string
		year  int
		pages string
	}{
		{"T. Ito, Concurrent Engineering Approaches (2012 231.", 2012, "231"},
		{"J. Godfrey, How to Use Your Reading in Your Essays 2013) 94.", 2013, "94"},
		{"A. Maeder, Astronomy and Astrophysics Library (n.d. 311.", 0, "311"},
	} {
		if w := ParseReference(tc.raw); w.Year != tc.year || w.Pages != tc.pages {
			t.Errorf("%q: year %d pages %q, want %d %q", tc.raw, w.Year, w.Pages, tc.year, tc.pages)
		}
	}
}

// TestParseReferenceACSCommaMadeStop: a constructed ACS reference whose
// comma after the volume was read as a stop.
func TestParseReferenceACSCommaMadeStop(t *testing.T) {
	for _, raw := range []string{
		"Smith, J. Political Psychology 2015, 37. 237–252.",
	} {
		if w := ParseReference(raw); w.Year != 2015 || w.Volume != "37" || w.Pages != "237-252" {
			t.Errorf("%q: year %d volume %q pages %q, want 2015 37 237-252", raw, w.Year, w.Volume, w.Pages)
		}
	}
}

// TestParseReferenceGluedVolume: constructed references whose volume was
// run into the source before it; a code or formula in upper case stays a
// word.
func TestParseReferenceGluedVolume(t *testing.T) {
	for _, tc := range []struct{ raw, volume, pages string }{
		{"M.L. Nibert, T.S. Baker, Structure11 (2003) 605.", "11", "605"},
		{"S. Lenzen, Biochemical Journal296 (1993) 113.", "296", "113"},
		{"M. Calvez, Sciences Sociales et Santé27 (2009) 79.", "27", "79"},
		{"A. Author, Current Opinion in Neurobiology12:211-216.", "12", "211-216"},
		{"A. Author, Journal of COVID19 (2020) 12.", "", "12"},
	} {
		if w := ParseReference(tc.raw); w.Volume != tc.volume || w.Pages != tc.pages {
			t.Errorf("%q: volume %q pages %q, want %q %q", tc.raw, w.Volume, w.Pages, tc.volume, tc.pages)
		}
	}
}

// TestParseReferenceBothBracketsLost: a constructed Elsevier reference
// whose brackets around the year were both lost.
func TestParseReferenceBothBracketsLost(t *testing.T) {
	if w := ParseReference("H. Thomas, Management Decision 45 2007 372."); w.Year != 2007 || w.Volume != "45" || w.Pages != "372" {
		t.Errorf("year %d volume %q pages %q, want 2007 45 372", w.Year, w.Volume, w.Pages)
	}
}

// TestParseReferenceLookAlikeInBrackets: constructed APA references whose
// volume or issue, a digit, was read as a letter; a letter in a clean
// source stays part of it.
func TestParseReferenceLookAlikeInBrackets(t *testing.T) {
	for _, tc := range []struct{ raw, volume, pages string }{
		{"West, T. G. (1994). Advanced interaction. Computers & Graphics, 18(S), 685–689.", "18", "685-689"},
		{"Smith, J. (1898). A title. Psychological Review, S(6), 662–666.", "S", "662-666"},
		{"Smith, J. (2003). A title. Physics Letters B, 12(4), 10–20.", "12", "10-20"},
	} {
		if w := ParseReference(tc.raw); w.Volume != tc.volume || w.Pages != tc.pages {
			t.Errorf("%q: volume %q pages %q, want %q %q", tc.raw, w.Volume, w.Pages, tc.volume, tc.pages)
		}
	}
}

// TestParseReferenceYearPagesLostComma: a constructed ACS reference of a
// book whose comma between year and pages was lost; with a year known
// before, the same run is a volume named by its year.
func TestParseReferenceYearPagesLostComma(t *testing.T) {
	for _, tc := range []struct {
		raw    string
		year   int
		volume string
	}{
		{"Paulsen, G.; Avakian, H. Immunobiology of HLA 1989 791–792.", 1989, ""},
		{"Cootes, T. F. (2004). Groupwise registration. Computer Vision - ECCV 2004 316–327.", 2004, "2004"},
	} {
		if w := ParseReference(tc.raw); w.Year != tc.year || w.Volume != tc.volume || w.FirstPage() == "" {
			t.Errorf("%q: year %d volume %q pages %q, want %d %q and pages", tc.raw, w.Year, w.Volume, w.Pages, tc.year, tc.volume)
		}
	}
}
