package resolve

import (
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// The texts are noisy copies (ocrnoise at 5%, noiseSeed) of references of
// the shared Crossref styles set.
func TestPrintedYear(t *testing.T) {
	for _, tc := range []struct {
		text         string
		parsed, want int
		noisy        bool // the text shows look-alikes read back (profile.noisy)
	}{
		// The parser took the end of the page range for the year.
		{"Mendes, R.; Pezzatv, L. M.; Sacardo, D. P. Ciência & Soúcle Coletiva 20l6, 21, 1737–1746.", 1746, 2016, true},
		// One year in brackets, the parsed one in the title.
		{"Torrey, G. E. (l995). The Revolutionary Russian Army and Romania, 1917. The Ccrl Beck Papersin Russian and East European Studier, (1103), 98.", 1917, 1995, true},
		// One bracket left, the parsed year a page.
		{"Warcl, B., & Bertrand, M. T.2002). Racw, Rock, and Elvis. The Journal of Ameriean History, 88(4), 1607.", 1607, 2002, true},
		// Two years outside ranges and brackets: the parser's choice stands.
		{"Torrey, G. E. l995. The Revolutionary Russian Army and Romania, 1917. The Ccrl Beck Papersin Russian and East European Studier, 1103, 98.", 1917, 1917, true},
		// A life's years in brackets are a range, not the year.
		{"atTs, Richard (1529–1579), (2018). Oxford Dictionary of Nafional Biography.", 1529, 2018, true},
		// No year parsed, one printed.
		{"Flyrin, R. A.; Chanq, H. Y. cell Stem Cell 2O14, 14,752–761.", 0, 2014, true},
		// The parsed year is printed as a year.
		{"Drisccolm, D. E,, & Miller, G. A. (1989. Potential model calculations. Physical Revicw C, 39(5), 1951–1962.", 1989, 1989, true},
		// Only a page range: no year to take.
		{"Physical Revicw C, 39(5), 1951–1962.", 0, 0, true},
		// Texts with no look-alike (their misspellings mended by the
		// corrector, or none): the end of a page range is no year, the
		// year run into a word or with a lost bracket is.
		{"Drisccolm, D. E,, & Miller, G. A. (1989. Potential model calculations. Physical Revicw C, 39(5), 1951–1962.", 1962, 1989, false},
		{"Guel‐Sandoval, S.; Paaton, A. H. Applied Physics Letters1995. 66, 2048–2050.", 2050, 1995, false},
		// … but a year in brackets does not overrule the parser's there:
		// a title may bracket one.
		{"Nofrizal, Dedi. PERBEDAAN PENGARUH METODE LATIHAN SIRKUIT DAN METODE LATIHAN SENAM KEBUGARAN JASMANI (SKJ 2012) TERHADAP PENINGKATAN KEBUGARAN JASMANI. Curricula. 2016. 1. 3.", 2016, 2016, false},
		{"Torrey, G. E. (1995). The Revolutionary Russian Army and Romania, 1917. The Carl Beck Papers in Russian and East European Studies, (1103), 98.", 1917, 1917, false},
	} {
		if got := printedYear(tc.text, tc.parsed, tc.noisy); got != tc.want {
			t.Errorf("printedYear(%q, %d, %v) = %d, want %d", tc.text, tc.parsed, tc.noisy, got, tc.want)
		}
	}
}

func TestMisreadFamily(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"kofka", "kalfka", false}, // five letters two edits apart: another name
		{"wang", "zhang", false},
		{"gul", "gui", true},
		{"nightinqale", "nightmgale", true},
		{"li", "lu", false}, // two letters: another name
		{"smith", "jones", false},
		{"cara", "clark", false},
	} {
		if got := misreadFamily([]string{tc.a}, []string{tc.b}); got != tc.want {
			t.Errorf("misreadFamily(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// A page that the parser took for the year is no year among the shared
// numbers: "21, 1737–1746" shares the volume and the first page.
func TestSharedNumbers(t *testing.T) {
	tok := newTokens()
	a := newProfile(tok, "", &bib.Work{Year: 1746}, "Mendes, R. Ciência & Saúde Coletiva 20l6, 21, 1737–1746.")
	b := newProfile(tok, "", &bib.Work{Year: 2016}, "R. Mendes, Ciência & Saúde Coletiva 21 (2016) 1737.")
	m := &matcher{tok: tok}
	if n, longest := m.sharedNumbers(&a, &b); n != 2 || longest != 4 {
		t.Errorf("sharedNumbers = %d, %d; want 2 (21 and 1737), 4", n, longest)
	}
}
