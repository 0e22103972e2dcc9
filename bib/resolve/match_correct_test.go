package resolve

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// TestCorrector: words one description uses are read as the corpus's
// words; words two descriptions share are kept.
func TestCorrector(t *testing.T) {
	tok := newTokens()
	for w, df := range map[string]int32{
		"journal": 5, "american": 3, "chemical": 3, "society": 3, "paleontology": 2, "modern": 2, "kelly": 2, "kelley": 2,
		"joournal": 1, "journalof": 1, "chemicalsociety": 1, "chem": 1, "ical": 1, "paleontolgy": 1, "paieontologv": 1, "modem": 1, "zymurgy": 1,
	} {
		tok.df[tok.id(w)] += df
	}
	c := newCorrector(tok)
	read := func(text string) string {
		var seq []int32
		for _, w := range strings.Fields(text) {
			seq = append(seq, tok.ids[w])
		}
		var out []string
		for _, id := range c.correct(nil, seq) {
			out = append(out, tok.strs[id])
		}
		return strings.Join(out, " ")
	}
	for in, want := range map[string]string{
		"joournal":             "journal",              // a letter doubled
		"journalof american":   "journal american",     // a stop word run in
		"chemicalsociety":      "chemical society",     // two words run together
		"chem ical society":    "chemical society",     // a word split
		"paleontolgy":          "paleontology",         // a letter dropped
		"paieontologv":         "paleontology",         // two edits in a long word
		"modem":                "modern",               // rn read as m
		"kelley kelly zymurgy": "kelley kelly zymurgy", // shared words kept, an unknown word too
	} {
		if got := read(in); got != want {
			t.Errorf("%q read as %q, want %q", in, got, want)
		}
	}
}

// TestNoisyAbbreviatedSource: an AIP reference as OCR gives it (the
// source of the example, its words run together and misspelt, and
// the author misspelt) matches the Web of Science form of the same article
// by its source, not the article of the same author, year and page in
// another journal.
func TestNoisyAbbreviatedSource(t *testing.T) {
	text := func(raw string) bib.Reference { return bib.Reference{Raw: raw, Work: refparse.ParseReference(raw)} }
	wos := func(raw string) bib.Reference {
		return bib.Reference{Raw: raw, Work: refparse.ParseWoSCitedReference(raw)}
	}
	c := corpusOf(
		[]bib.Reference{wos("HUSTON JL, 1948, J AM CHEM SOC, P1968"), wos("HUSTON JL, 1948, J CHEM PHYS, P1968")},
		[]bib.Reference{text("J. L. Hustcn, Journalof thM American ChemicalSociety, 1968 (1948).")},
		// The corpus names the journal in full elsewhere: its words are
		// the dictionary the noisy text is read with.
		[]bib.Reference{text("R. Smith, Journal of the American Chemical Society 71, 12 (1949)."), text("A. Jones, Journal of the American Chemical Society 72, 33 (1950).")},
	)
	if !sameWork(c, 0, 2) {
		t.Errorf("works %d %d: the noisy reference did not join its article", c.Refs[0].Work, c.Refs[2].Work)
	}
	if sameWork(c, 1, 2) {
		t.Error("the noisy reference joined the article of another journal")
	}
}

// TestMergeVariants merges sorted runs, ties of hash and odd counts of
// runs among them, into the order one sort of them all gives.
func TestMergeVariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for runs := range 5 {
		var all []wordVariant
		parts := make([][]wordVariant, runs)
		for i := range parts {
			for range rng.IntN(50) {
				v := wordVariant{hash: rng.Uint64N(20), word: rng.Int32N(10)}
				parts[i] = append(parts[i], v)
				all = append(all, v)
			}
			slices.SortFunc(parts[i], compareVariants)
		}
		slices.SortFunc(all, compareVariants)
		if got := mergeVariants(parts); !slices.Equal(got, all) {
			t.Errorf("%d runs: merged %v, want %v", runs, got, all)
		}
	}
}
