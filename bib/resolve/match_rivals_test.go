package resolve

import (
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// Twins of one list, a review and the book it reviews' namesake, that
// differ only in the review's heading. Constructed; every text made noisy
// by a misread year ("2OO4"), as a PDF's or a scan's would be.
const (
	twinBook   = "Kande, S. (2OO4). Women and the Amistad connection: Sierra Leone Krio society. Research in African Literatures, 35(4), 180–185."
	twinReview = "Kande, S. (2OO4). Book review: Women and the Amistad connection: Sierra Leone Krio society. Research in African Literatures, 35(4), 180–185."
)

func parsedRefs(texts ...string) []bib.Reference {
	refs := make([]bib.Reference, len(texts))
	for i, s := range texts {
		refs[i] = bib.Reference{Raw: s, Work: refparse.ParseReference(s)}
	}
	return refs
}

// TestRivalTwinsHoldLink: a noisy citation that names neither twin's
// heading, only their author, journal, year, volume and pages, joins
// neither: it is as likely one as the other. A third list cites another
// review, whose heading makes the twin's no misspelling. Constructed.
func TestRivalTwinsHoldLink(t *testing.T) {
	c := corpusOf(
		parsedRefs(twinBook, twinReview),
		parsedRefs("Kande, S. Research in African Literatures 2OO4, 35, 180–185."),
		parsedRefs("Osei, K. (2OO1). Book review: Tales of the Gold Coast. Journal of Folklore Studies, 12(2), 77–79."),
	)
	if sameWork(c, 2, 0) || sameWork(c, 2, 1) {
		t.Errorf("a citation that cannot tell twins apart joined one: works %d %d, citation %d", c.Refs[0].Work, c.Refs[1].Work, c.Refs[2].Work)
	}
}

// TestRivalTwinsCleanText: a clean citation, whose text noise did not
// touch, waits for no rival: its stronger link is a closer description,
// and it joins a twin as it would without twins. Constructed.
func TestRivalTwinsCleanText(t *testing.T) {
	c := corpusOf(
		parsedRefs(twinBook, twinReview),
		parsedRefs("Kande, S. Research in African Literatures 2004, 35, 180–185."),
		parsedRefs("Osei, K. (2OO1). Book review: Tales of the Gold Coast. Journal of Folklore Studies, 12(2), 77–79."),
	)
	if !sameWork(c, 2, 0) && !sameWork(c, 2, 1) {
		t.Errorf("a clean citation of twins joined neither: works %d %d, citation %d", c.Refs[0].Work, c.Refs[1].Work, c.Refs[2].Work)
	}
}

// TestRivalTwinsTextChooses: a noisy citation that names the review's
// heading joins the review, and its list's other citation of the twins,
// which names neither, then joins the book: the review is taken.
// Constructed.
func TestRivalTwinsTextChooses(t *testing.T) {
	c := corpusOf(
		parsedRefs(twinBook, twinReview),
		parsedRefs("Kande, S. Research in African Literatures 2OO4, 35, 180–185.", "Kande, S. Book review. Research in African Literatures 2OO4, 35, 180–185."),
	)
	if !sameWork(c, 3, 1) || !sameWork(c, 2, 0) {
		t.Errorf("citations of twins, one naming the review's heading: works %d %d, citations %d %d", c.Refs[0].Work, c.Refs[1].Work, c.Refs[2].Work, c.Refs[3].Work)
	}
}

// TestRivalTwinsAlike: a list that names one work twice, its texts
// misread apart ("2OO4", "2O04"), holds no citation of it back: joined to
// either, the citation joins that work. Constructed.
func TestRivalTwinsAlike(t *testing.T) {
	c := corpusOf(
		parsedRefs(twinBook, strings.Replace(twinBook, "2OO4", "2O04", 1)),
		parsedRefs("Kande, S. Research in African Literatures 2OO4, 35, 180–185."),
	)
	if !sameWork(c, 2, 0) && !sameWork(c, 2, 1) {
		t.Errorf("a citation of a work its twin names twice joined neither: works %d %d, citation %d", c.Refs[0].Work, c.Refs[1].Work, c.Refs[2].Work)
	}
}

// TestRivalPrefersNoNoise: a citation prefers one twin by a word the
// other lacks only where the other does not hold it misspelt ("thomon")
// or run into the next ("withapplications"), as noise leaves it; a word
// of the twin's own ("review") tells them apart. Constructed: three
// profiles and their words.
func TestRivalPrefersNoNoise(t *testing.T) {
	words := []string{"applications", "review", "theory", "thomon", "thomson", "vibration", "with", "withapplications"}
	m := &matcher{tok: &tokens{strs: words}}
	ids := func(ws ...string) (s []int32) {
		for _, w := range ws {
			s = append(s, int32(slices.Index(words, w)))
		}
		return s
	}
	x := profile{words: ids("applications", "review", "theory", "thomson", "vibration", "with")}
	for _, c := range []struct {
		name string
		a, b profile
		want bool
	}{
		{"misspelt", profile{words: ids("theory", "thomson", "vibration")}, profile{words: ids("theory", "thomon", "vibration")}, false},
		{"run together", profile{words: ids("applications", "theory", "thomson", "with")}, profile{words: ids("theory", "thomson", "withapplications"), tight: "thomsontheoryofvibrationwithapplications"}, false},
		{"heading", profile{words: ids("review", "theory", "thomson")}, profile{words: ids("theory", "thomson")}, true},
	} {
		m.nodes = []node{{p: x}, {p: c.a}, {p: c.b}}
		if got := m.prefers(0, 1, 2); got != c.want {
			t.Errorf("%s: prefers %v, want %v", c.name, got, c.want)
		}
	}
}
