package graph

import (
	"strconv"

	"github.com/citegraph/citegraph/export"
)

// MatchesHeader is the column list of matches.csv.
var MatchesHeader = []string{"work", "citing", "position", "match", "score", "agreed", "joined_via"}

// MatchesTable is matches.csv: one row for every reference that joined a
// work already made (by its record or by an earlier reference), so that a
// scholar can audit each merge: the work, the citing paper and position of
// the reference, the rule and score that joined it, the fields that agreed,
// and what it was matched with — another reference ("citing#position") or
// the work's own record (its id).
func (c *Corpus) MatchesTable() *export.Table {
	t := &export.Table{Header: MatchesHeader}
	for _, ref := range c.Refs {
		if ref.Match == MatchNew {
			continue
		}
		via := ""
		switch {
		case ref.Via >= 0:
			v := &c.Refs[ref.Via]
			via = c.Works[v.Citing].ID + "#" + strconv.Itoa(v.Position)
		case c.Works[ref.Work].InCorpus:
			via = c.Works[ref.Work].ID
		}
		t.Rows = append(t.Rows, []string{
			c.Works[ref.Work].ID, c.Works[ref.Citing].ID, strconv.Itoa(ref.Position), string(ref.Match),
			FormatScore(ref), ref.Agreed, via,
		})
	}
	return t
}

// FormatScore writes a reference's match score with three decimals, or ""
// for the first reference to a work.
func FormatScore(ref Ref) string {
	if ref.Match == MatchNew {
		return ""
	}
	return strconv.FormatFloat(ref.Score, 'f', 3, 64)
}
