package resolve

import (
	"slices"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

func TestSourceSimilarity(t *testing.T) {
	for _, c := range []struct {
		a, b string
		min  float64
	}{
		{"HAGUE J DIPLOM", "The Hague Journal of Diplomacy", 1},
		{"Phys. Rev. Lett.", "Physical Review Letters", 1},
		{"PHYS REV LETT", "Phys. Rev. Lett.", 1},
		{"J APPL PHYS", "Journal of Applied Physics", 1},
		{"IEEE T MAGN", "IEEE Transactions on Magnetics", 1},
		{"Ieee Trans. Magn.", "IEEE TRANSACTIONS ON MAGNETICS", 1},
		{"Proc. Natl. Acad. Sci. USA", "Proceedings of the National Academy of Sciences of the United States of America", 1},
		{"J PHOTOPOLYM SCI TEC", "Journal of Photopolymer Science and Technology", 1},
		{"Geochem. Geophys. Geosyst.", "Geochemistry, Geophysics, Geosystems", 1},
		// ISO 4 may drop a word; the score says how much was matched.
		{"PHYSICA C", "Physica C: Superconductivity", 0.6},
	} {
		if got := SourceSimilarity(SourceWords(c.a), SourceWords(c.b)); got < c.min {
			t.Errorf("SourceSimilarity(%q, %q) = %.2f, want at least %.2f", c.a, c.b, got, c.min)
		}
	}
	for _, c := range [][2]string{
		{"Physical Review B", "Physical Review Letters"},
		{"J APPL PHYS", "Japanese Journal of Applied Physics"},
		{"Nature", "Nature Communications Biology Reviews"},
		{"Metal", "ML"},
		{"Phys. Rev. B", "Phys. Rev. E"},
	} {
		if got := SourceSimilarity(SourceWords(c[0]), SourceWords(c[1])); got >= 0.8 {
			t.Errorf("SourceSimilarity(%q, %q) = %.2f, want below 0.8", c[0], c[1], got)
		}
	}
}

func TestTitleSimilarity(t *testing.T) {
	a := "Surface-plasmon ejection ofAg+ions from laser irradiation of a roughened silver surface"
	for _, b := range []string{
		"Surface plasmon ejection of Ag+ ions from laser irradiation of a roughened silver surface",
		"SURFACE-PLASMON EJECTION OF AG+ IONS FROM LASER IRRADIATION OF A ROUGHENED SILVER SURFACE.",
	} {
		if s := TitleSimilarity(a, b); s < 0.9 {
			t.Errorf("TitleSimilarity(%q, %q) = %.2f", a, b, s)
		}
	}
	// The ligature ﬁ is "fi".
	if s := TitleSimilarity("Scientiﬁc diplomacy", "Scientific Diplomacy"); s != 1 {
		t.Errorf("ligature: %.2f", s)
	}
	if s := TitleSimilarity("Science diplomacy and transnational governance impact", "Collaboration and competition: the twofold logic"); s > 0.3 {
		t.Errorf("different titles: %.2f", s)
	}
	if s := TitleSimilarity("", "x"); s != 0 {
		t.Errorf("empty title: %.2f", s)
	}
}

func TestFamilyVariants(t *testing.T) {
	for _, c := range [][2]bib.Name{
		{{Family: "De Morgan"}, {Family: "Morgan"}},
		{{Family: "de-Morgan"}, {Family: "DE MORGAN"}},
		{{Family: "Müller"}, {Family: "Mueller"}},
		{{Family: "Ørsted"}, {Family: "Orsted"}},
		{{Family: "van der Waals"}, {Family: "Waals"}},
		{{Family: "赵", Given: "刚"}, {Family: "Zhao", Given: "G"}},
		{{Family: "趙"}, {Family: "ZHAO"}},
		{{Family: "吕"}, {Family: "Lyu"}},
		{{Family: "曾"}, {Family: "Zeng"}},
		{{Family: "欧阳"}, {Family: "Ouyang"}},
	} {
		if !SameFamily(c[0], c[1]) {
			t.Errorf("SameFamily(%v, %v) = false; variants %v %v", c[0], c[1], FamilyVariants(c[0]), FamilyVariants(c[1]))
		}
	}
	if SameFamily(bib.Name{Family: "赵"}, bib.Name{Family: "Zhang"}) || SameFamily(bib.Name{Family: "Smith"}, bib.Name{Family: "Smyth"}) {
		t.Error("different families matched")
	}
	if r := FirstInitial(bib.Name{Family: "赵", Given: "刚"}); r != 'g' {
		t.Errorf("FirstInitial(赵刚) = %q, want g", r)
	}
	if got := Pinyin('赵'); !slices.Contains(got, "zhao") {
		t.Errorf("Pinyin(赵) = %v", got)
	}
}

func TestMatchKeysFast(t *testing.T) {
	for _, w := range []bib.Work{
		{Authors: []bib.Name{{Family: "Ruffini", Given: "P B"}}, Year: 2020, Volume: "15", Pages: "371-382", Title: "Collaboration and competition: the twofold logic"},
		{Authors: []bib.Name{{Family: "Müller"}}, Year: 1999, Title: "Über die Natur"},
		{Authors: []bib.Name{{Literal: "World Health Organization"}}, Year: 2010, DOI: "10.1000/X"},
		{Title: "No author"},
	} {
		if a, b := bib.MatchKeys(&w), MatchKeysFast(&w); !slices.Equal(a, b) {
			t.Errorf("%+v: MatchKeys %q, MatchKeysFast %q", w, a, b)
		}
	}
}

// TestFoldIsBibFold keeps fold, and its fast paths for ASCII and for text
// already folded, to bib.Fold.
func TestFoldIsBibFold(t *testing.T) {
	for _, s := range []string{"", " ", "a", "abc def", "abc  def", " abc", "abc ", "Abc", "v51", "51", "e1234", "a-b", "j appl phys",
		"J. Appl. Phys.", "x\ty", "müller", "ab\xffcd", "a b c 1 2"} {
		if got, want := fold(s), bib.Fold(s); got != want {
			t.Errorf("fold(%q) = %q, bib.Fold %q", s, got, want)
		}
	}
}
