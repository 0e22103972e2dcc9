package resolve

import (
	"strconv"

	"github.com/citegraph/citegraph/bib"
)

// Confirmation is the matcher's verdict on a candidate a database returned
// for a reference: whether it is the cited work, how strongly, on which
// fields, and if not, why not.
type Confirmation struct {
	OK     bool
	Score  float64 // the match's score in [0, 1], as in references.csv; 0 when the two cannot be one work
	Agreed string  // the fields that agreed, "author+initial+year+title"
	Reason string  // why the candidate was rejected; empty when OK
}

// Confirm compares a reference with a work found for it by a database
// lookup (a search on the reference's fields), with the comparison that
// resolution uses between two references. The candidate is confirmed when
// the two can be one work and they agree on what identifies it: the year
// when both give one, the first author when both name one, and the title
// when both have one, or else volume and first page. A search always
// returns something, so agreement on a year and an author alone, which
// resolution accepts only when nothing else in the corpus could be the
// work, is not enough here.
func Confirm(ref *bib.Reference, candidate *bib.Work) Confirmation {
	m := &matcher{tok: newTokens(), srcSim: map[uint64]float64{}}
	a := newProfile(m.tok, "", &ref.Work, ref.Raw)
	b := newProfile(m.tok, "", candidate, "")
	m.tok.finish(2)
	v := m.compare(&a, &b)
	c := Confirmation{Score: v.score(), Agreed: v.agreed.String()}
	if v.rule == "" {
		c.Score = 0
		c.Reason = disagreement(&ref.Work, candidate)
		return c
	}
	need := func(f fieldSet, what string) {
		if c.Reason == "" && v.agreed&f == 0 {
			c.Reason = what + " not confirmed"
		}
	}
	if v.rule != MatchDOI {
		if ref.Year != 0 && candidate.Year != 0 {
			need(agreeYear, "year")
		}
		if len(ref.Authors) > 0 && len(candidate.Authors) > 0 {
			need(agreeAuthor, "first author")
		}
		if len(a.title) >= 4 && len(b.title) >= 4 {
			need(agreeTitle, "title")
		} else {
			need(agreeVolume|agreeTitle, "volume")
			need(agreePage|agreeTitle, "first page")
		}
		if c.Reason == "" && v.vague {
			c.Reason = "only year and author or source agree"
		}
	}
	c.OK = c.Reason == ""
	return c
}

// disagreement names the first strong field on which a reference and a
// candidate differ, for a pair the matcher ruled out.
func disagreement(ref, w *bib.Work) string {
	switch {
	case bib.DOIKey(ref) != "" && bib.DOIKey(w) != "" && bib.DOIKey(ref) != bib.DOIKey(w):
		return "DOI differs"
	case ref.Year != 0 && w.Year != 0 && (ref.Year-w.Year > 1 || w.Year-ref.Year > 1):
		return "year " + strconv.Itoa(w.Year) + ", not " + strconv.Itoa(ref.Year)
	case len(ref.Authors) > 0 && len(w.Authors) > 0 && !SameFamily(ref.FirstAuthor(), w.FirstAuthor()):
		return "first author " + w.FirstAuthor().String() + ", not " + ref.FirstAuthor().String()
	case ref.Title != "" && w.Title != "" && TitleSimilarity(ref.Title, w.Title) < 0.5:
		return "title differs"
	}
	return "fields disagree"
}
