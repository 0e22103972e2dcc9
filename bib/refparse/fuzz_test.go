package refparse

import (
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
)

// FuzzNormalisers: folding is idempotent and keeps UTF-8 valid; a DOI
// normalises to itself.
func FuzzNormalisers(f *testing.F) {
	for _, s := range []string{"Ruffini, Pierre-Bruno", "ﬁ ligature ofAg+ions", "赵刚", "https://doi.org/10.1163/1871191X-BJA10028.", "DE MORGAN A", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := bib.Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(folded) {
			t.Fatalf("Fold(%q) = %q is not UTF-8", s, folded)
		}
		if again := bib.Fold(folded); again != folded {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, folded, again)
		}
		if d := bib.NormalizeDOI(s); d != "" && bib.NormalizeDOI(d) != d {
			t.Fatalf("NormalizeDOI(%q) = %q, renormalised %q", s, d, bib.NormalizeDOI(d))
		}
		n := ParseName(s)
		_ = bib.FamilyKey(n) + bib.Initials(n.Given)
		w := ParseWoSCitedReference(s)
		_ = bib.MatchKeys(&w)
	})
}

// TestCRNameEmpty is a fuzz finding: an empty or blank author must not panic.
func TestCRNameEmpty(t *testing.T) {
	for _, s := range []string{"", " ", "\t"} {
		if n := ParseCRName(s); !n.IsZero() {
			t.Errorf("ParseCRName(%q) = %+v, want the zero name", s, n)
		}
	}
}
