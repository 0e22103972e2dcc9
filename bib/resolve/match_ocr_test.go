package resolve

import "testing"

func TestReadLookAlikes(t *testing.T) {
	for in, want := range map[string]string{
		"(l948)":                   "(1948)",
		"2O1O, 47O":                "2010, 470",
		"1S6-I65":                  "156-165",
		"5B. 68S":                  "58. 685",
		"e1O00267":                 "e1000267",
		"De1pech, 5ciences":        "Delpech, sciences",
		"S213":                     "S213", // a supplement's page
		"V48 2nd H2O H2SO4 1990s":  "V48 2nd H2O H2SO4 1990s",
		"10th":                     "10th",
		"2O16 3Bth Annual, 2lst":   "2016 38th Annual, 21st",
		"Physics 1986 PhysicsI9B6": "Physics 1986 Physics1986",
		"Chemistryl986 OxfordBl9l": "Chemistry1986 OxfordBl9l",
		"Sl72 S2l4 SiO2 SOl2":      "S172 S214 SiO2 SOl2",
		"HBth HIGHLIGHTS":          "HBth HIGHLIGHTS",
		"Part II":                  "Part II",
	} {
		if got := readLookAlikes(in); got != want {
			t.Errorf("readLookAlikes(%q) = %q, want %q", in, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { readLookAlikes("Physical Review B 47, 9967") }); n != 0 {
		t.Errorf("a text without look-alikes allocates %v times", n)
	}
}

func TestSamePageLookAlike(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"s41", "541", true}, {"b12", "812", true}, {"e1234", "1234", true}, {"s41", "542", false}, {"41", "541", false},
		{"1os", "105", true}, {"l", "1", true}, {"b", "8", true}, {"b", "c", false},
		// Both with letters (constructed after the noisy copies of the
		// Crossref styles set): the look-alikes differ, the letters kept.
		{"p7o0", "p700", true}, {"l7654a", "17654a", true}, {"e7o", "e70", true}, {"al94", "a194", true},
		{"1os", "10s", true}, {"ss4", "s54", true}, {"p7o0", "p701", false}, {"e7o", "e71", false}, {"ab", "al", false},
	} {
		if got := samePage(tc.a, tc.b); got != tc.want {
			t.Errorf("samePage(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestTitleProper(t *testing.T) {
	for in, want := range map[string]string{
		"Sha o, C., Zhang, M,, Zhang, X.. & ang, J. (2017)":                                     "",
		"Leigh, . A., Mullen, K.M., Woollins, J. D. (2011). Phosphorus-Based Functional Groups": "Phosphorus-Based Functional Groups",
		"Surface-plasmon ejection of Ag+ ions":                                                  "Surface-plasmon ejection of Ag+ ions",
		"Escherichia coli K-12 (1998) in E. coli":                                               "Escherichia coli K-12 (1998) in E. coli",
	} {
		if got := titleProper(in); got != want {
			t.Errorf("titleProper(%q) = %q, want %q", in, got, want)
		}
	}
}

// A first page run together with the last, the dash lost: the noisy
// copies' "311312" and "144a145a", scopus-bibx.ris's "p. 25512554".
func TestGluedRange(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"311312", "311", true}, {"144a", "144a145a", true}, {"25512554", "2551", true}, {"l55158", "155", true},
		{"311310", "311", false}, // the last page before the first
		{"3113", "311", false}, {"311312", "312", false}, {"1", "12", false}, {"311", "311", false},
	} {
		if got := gluedRange(tc.a, tc.b); got != tc.want {
			t.Errorf("gluedRange(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}
