package fetch

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
)

// MinCrossrefScore is the relevance score below which a candidate of
// Crossref's bibliographic search is not considered. Crossref's score is
// not normalised: an exact title alone scores about 45–65, a whole
// reference more, and a query of one common word about 11 (the recorded
// answers in testdata/api). The threshold only drops what is plainly
// noise; what decides is citegraph's matcher (resolve.Confirm), which must
// find the candidate's year, first author and title (or volume and page)
// in agreement with the reference.
const MinCrossrefScore = 20

// How a seed or a reference came to its work, in fetch.csv.
const (
	HowID             = "openalex-id"     // an OpenAlex id
	HowDOI            = "doi"             // a DOI OpenAlex knows
	HowCrossrefDOI    = "crossref-doi"    // a DOI only Crossref knows (the work is in crossref.jsonl)
	HowCrossrefSearch = "crossref-search" // Crossref's bibliographic search, confirmed by the matcher
	HowOpenAlexSearch = "openalex-search" // OpenAlex's title search, confirmed by the matcher
	HowSearch         = "search"          // a result of --search
	HowFilter         = "filter"          // a result of --filter
	HowNotFound       = "not-found"
)

// Row is one line of fetch.csv: a seed or a reference, and what it led to.
type Row struct {
	Source      string  // where it was given: "argument", "refs.txt:4", "--search"
	Query       string  // the id, DOI, search, or the reference as written
	How         string  // one of the How constants
	Work        string  // the OpenAlex id found, or the DOI of a work only Crossref knows
	DOI         string  // the DOI looked up or found
	SearchScore float64 // the search engine's relevance score; 0 for none
	MatchScore  float64 // the matcher's score in [0, 1] for a searched reference; 0 for none
	Agreed      string  // the fields the matcher found in agreement
	Reason      string  // why nothing was found
}

// lookupReference finds the work a reference without an identifier cites:
// Crossref's bibliographic search on its parsed fields, then OpenAlex's
// title search; a candidate counts only when the matcher confirms it.
// row is filled in with what was found, and why not; the work is returned
// when OpenAlex's search found it (Crossref's gives a DOI, in row).
func (r *run) lookupReference(ctx context.Context, ref *bib.Reference, row *Row) (*work, error) {
	text := queryText(ref)
	if text == "" {
		row.How, row.Reason = HowNotFound, "nothing to search on"
		return nil, nil
	}
	var why []string
	cands, err := r.c.crossrefSearch(ctx, text)
	if err != nil {
		return nil, err
	}
	c, conf, reason := confirmBest(ref, cands, MinCrossrefScore)
	if c != nil {
		row.How, row.DOI, row.SearchScore = HowCrossrefSearch, c.doi, c.score
		row.MatchScore, row.Agreed = conf.Score, conf.Agreed
		return nil, nil
	}
	why = append(why, "Crossref: "+reason)
	if title := filterValue(ref.Title); len(title) >= 12 {
		q := url.Values{"filter": {strings.Join(append([]string{"title.search:" + title}, yearFilter(nearYear(ref.Year, -1), nearYear(ref.Year, 1))...), ",")},
			"per_page": {strconv.Itoa(crossrefCandidates)}, "select": {openAlexFields}}
		works, _, _, err := r.c.worksPage(ctx, q)
		if err != nil {
			return nil, err
		}
		var cands []candidate
		for _, w := range works {
			if d, err := w.description(); err == nil {
				cands = append(cands, candidate{doi: w.doi, work: d, oa: w})
			}
		}
		c, conf, reason := confirmBest(ref, cands, 0)
		if c != nil {
			row.How, row.Work, row.DOI = HowOpenAlexSearch, c.oa.id, c.oa.doi
			row.MatchScore, row.Agreed = conf.Score, conf.Agreed
			return c.oa, nil
		}
		why = append(why, "OpenAlex: "+reason)
	}
	row.How, row.Reason = HowNotFound, strings.Join(why, "; ")
	return nil, nil
}

// confirmBest returns the first candidate (in the search engine's order)
// that scores at least minScore (a Crossref score; OpenAlex candidates are
// not held to one) and that the matcher confirms, with the matcher's
// verdict; or nil and why none was taken.
func confirmBest(ref *bib.Reference, cands []candidate, minScore float64) (*candidate, resolve.Confirmation, string) {
	if len(cands) == 0 {
		return nil, resolve.Confirmation{}, "no candidate"
	}
	reason := ""
	for i := range cands {
		c := &cands[i]
		if c.oa == nil && c.score < minScore {
			if reason == "" {
				reason = "best score " + strconv.FormatFloat(c.score, 'f', 1, 64) + " below " + strconv.Itoa(int(minScore))
			}
			continue
		}
		conf := resolve.Confirm(ref, c.work)
		if conf.OK {
			return c, conf, ""
		}
		if reason == "" {
			reason = "best candidate " + describeBriefly(c.work) + " rejected: " + conf.Reason
		}
	}
	return nil, resolve.Confirmation{}, reason
}

// describeBriefly names a work in a reason: "Shaw 2018 “Self-Attention …”".
func describeBriefly(w *bib.Work) string {
	var parts []string
	if a := w.FirstAuthor(); !a.IsZero() {
		parts = append(parts, a.Family+a.Literal)
	}
	if w.Year != 0 {
		parts = append(parts, strconv.Itoa(w.Year))
	}
	if t := []rune(w.Title); len(t) > 60 {
		parts = append(parts, "“"+string(t[:60])+"…”")
	} else if len(t) > 0 {
		parts = append(parts, "“"+w.Title+"”")
	}
	return strings.Join(parts, " ")
}

// queryText is what a reference is searched by: its parsed authors,
// title, source, year, volume and first page (the English half of a
// bilingual reference), or its raw text when no title was parsed.
func queryText(ref *bib.Reference) string {
	w := &ref.Work
	if w.Title == "" {
		return strings.Join(strings.Fields(ref.Raw), " ")
	}
	var parts []string
	for i, a := range w.Authors {
		if i == 3 {
			break
		}
		parts = append(parts, strings.TrimSpace(a.Family+" "+a.Literal))
	}
	parts = append(parts, w.Title, w.Container)
	if w.Year != 0 {
		parts = append(parts, strconv.Itoa(w.Year))
	}
	parts = append(parts, w.Volume, w.FirstPage())
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// nearYear is year+d, or 0 (no bound) for an unknown year.
func nearYear(year, d int) int {
	if year == 0 {
		return 0
	}
	return year + d
}
