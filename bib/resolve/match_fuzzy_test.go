package resolve

import (
	"math/rand/v2"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// editsToSubstring is the fewest edits that make pat a substring of text
// (Sellers 1980, doi:10.1016/0196-6774(80)90016-4): the oracle of
// fuzzyContains.
func editsToSubstring(text, pat string) int {
	col := make([]int, len(pat)+1)
	for j := range col {
		col[j] = j
	}
	best := col[len(pat)]
	for i := 0; i < len(text); i++ {
		prev := col[0] // col[0] stays 0: a match may start anywhere
		for j := 1; j <= len(pat); j++ {
			cost := 1
			if text[i] == pat[j-1] {
				cost = 0
			}
			cur := min(prev+cost, col[j]+1, col[j-1]+1)
			prev, col[j] = col[j], cur
		}
		best = min(best, col[len(pat)])
	}
	return best
}

func TestFuzzyContains(t *testing.T) {
	for _, tc := range []struct {
		text, pat string
		k         int
		want      bool
	}{
		{"rollsfonh1952bookreview", "rolston", 2, true},
		{"rollsfonh1952bookreview", "rolston", 1, false},
		{"cassvbkrollpw", "coss", 1, true},
		{"journalofrheology", "rheology", 0, true},
		{"journalofrheology", "rheolgy", 1, true},
		{"abc", "xyz", 2, false},
	} {
		if got := fuzzyContains(tc.text, tc.pat, tc.k); got != tc.want {
			t.Errorf("fuzzyContains(%q, %q, %d) = %v", tc.text, tc.pat, tc.k, got)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abc"[rng.IntN(3)]
		}
		return string(b)
	}
	for range 20000 {
		text, pat, k := word(rng.IntN(12)), word(1+rng.IntN(6)), rng.IntN(3)
		if got, want := fuzzyContains(text, pat, k), editsToSubstring(text, pat) <= k; got != want {
			t.Fatalf("fuzzyContains(%q, %q, %d) = %v, want %v", text, pat, k, got, want)
		}
	}
}

func TestNearFamily(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"rolston", "rollsfon", true}, // two edits in seven letters
		{"kim", "kirn", true},         // rn read as m
		{"cass", "coss", true},        // one edit in four letters
		{"kim", "kin", false},         // a short name: no edit
		{"wang", "zhang", false},      // two edits in four letters
		{"edingermarshall", "edlgermarshall", true},
		{"schmolzer", "schrnolzer", true},
		{"smith", "jones", false},
	} {
		if got := nearFamily([]string{tc.a}, []string{tc.b}); got != tc.want {
			t.Errorf("nearFamily(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
	if n := testing.AllocsPerRun(100, func() { nearFamily([]string{"rolston"}, []string{"rollsfon"}) }); n != 0 {
		t.Errorf("nearFamily allocates %v times", n)
	}
}

// Constructed after noisy copies of the Crossref styles set: in a noisy
// pair, first initials that differ are another person's only when the
// given names share no initial.
func TestInitialsDiffer(t *testing.T) {
	for _, tc := range []struct {
		initA, givenA, initB, givenB string
		noisy, want                  bool
	}{
		{"b", "B. V.", "v", "V.", true, false},    // the first initial dropped
		{"t", "T. C.", "p", "P. C.", true, false}, // the first initial misspelt
		{"t", "T. C.", "p", "P. C.", false, true}, // clean: two people
		{"d", "D.", "a", "A. V.", true, true},     // no initial shared
		{"j", "J.", "j", "J. L.", false, false},
		{"j", "J.", "", "", false, false}, // one unknown
	} {
		a := profile{inits: givenInitials(tc.givenA), noisy: tc.noisy}
		b := profile{inits: givenInitials(tc.givenB)}
		if tc.initA != "" {
			a.init = rune(tc.initA[0])
		}
		if tc.initB != "" {
			b.init = rune(tc.initB[0])
		}
		if got := initialsDiffer(&a, &b); got != tc.want {
			t.Errorf("initialsDiffer(%s %q, %s %q, noisy %v) = %v", tc.initA, tc.givenA, tc.initB, tc.givenB, tc.noisy, got)
		}
	}
	if got, want := givenInitials("Jean-Marc B."), givenInitials("b j Ma"); got != want || want != 1<<('b'-'a')|1<<('j'-'a')|1<<('m'-'a') {
		t.Errorf("givenInitials(Jean-Marc B.) = %b, want %b", got, want)
	}
	if got, want := givenInitials("Łukasz Ž."), givenInitials("l z"); got != want {
		t.Errorf("givenInitials(Łukasz Ž.) = %b, want %b", got, want)
	}
}

// Constructed after noisy copies of the Crossref styles set: "Asada
// Yoshikazu." (the comma of "Asada, Yoshikazu" lost) parsed with the family
// Yoshikazu, and "Assada, Y.": one author read the other way round, whose
// first initials differ only for that.
func TestInitialsReadReversed(t *testing.T) {
	a := profile{fams: []string{"assada"}, nameWords: []string{"assada"}, init: 'y', inits: givenInitials("Y."), noisy: true}
	b := profile{fams: []string{"yoshikazu"}, nameWords: []string{"yoshikazu", "asada"}, init: 'a', inits: givenInitials("Asada")}
	if initialsDiffer(&a, &b) || initialsDiffer(&b, &a) {
		t.Errorf("Assada, Y. and Asada Yoshikazu read reversed: initials differ")
	}
	// Another person of a near name: "Wamg, W." and "Wang, L.".
	c := profile{fams: []string{"wamg"}, nameWords: []string{"wamg"}, init: 'w', inits: givenInitials("W."), noisy: true}
	d := profile{fams: []string{"wang"}, nameWords: []string{"wang"}, init: 'l', inits: givenInitials("L.")}
	if !initialsDiffer(&c, &d) || !initialsDiffer(&d, &c) {
		t.Errorf("Wamg, W. and Wang, L.: initials do not differ")
	}
}

// A text whose first author's name is shorter than three letters does
// not lead with its co-author's: "Li Y.Q., Liu Y.H." (a reference of the
// shared scopus-bibx.csv) is not led by Liu, whose own paper of that year
// and volume it had joined.
func TestLeadIsNoCoauthor(t *testing.T) {
	li := bib.Work{Authors: []bib.Name{{Family: "Li", Given: "Y.Q."}, {Family: "Liu", Given: "Y.H."}, {Family: "Zhou", Given: "Y."}}, Year: 2011, Container: "Phys. Rev.", Volume: "84", Issue: "20"}
	liu := bib.Work{Authors: []bib.Name{{Family: "Liu", Given: "Y."}, {Family: "Tretiakov", Given: "O.A."}}, Year: 2011, Container: "Phys. Rev. B", Volume: "84"}
	tok := newTokens()
	a := newProfile(tok, "", &li, "Li Y.Q., Liu Y.H., Zhou Y., Phys. Rev., 84, 20, (2011)")
	b := newProfile(tok, "", &liu, "Liu Y., Tretiakov O.A., Abanov A., Electrical signature of magnetic domain-wall dynamics, Phys. Rev. B, 84, (2011)")
	if a.lead != "" {
		t.Errorf("lead %q, want none", a.lead)
	}
	if sameLead(&a, &b) {
		t.Error("Li Y.Q. and Liu Y. lead with one name")
	}
	// A first word that is no co-author's stays the lead.
	if b.lead != "liu" {
		t.Errorf("lead %q, want liu", b.lead)
	}
}
