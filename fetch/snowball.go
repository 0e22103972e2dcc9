package fetch

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/bib"
)

// Request says what corpus to build.
type Request struct {
	Seeds      []Seed        // works named by DOI or OpenAlex id
	References []*bib.Record // records whose references are looked up, each becoming a seed when found
	Search     string        // an OpenAlex search whose results are seeds
	Filter     string        // an OpenAlex filter whose results are seeds
	FromYear   int           // bounds on the publication year of search, filter and citing works (0: none)
	ToYear     int
	Depth      int  // layers of cited works to follow backward from the seeds
	Citing     bool // add the works that cite the seeds
	// MaxWorks bounds the works --search, --filter, --citing and --depth
	// add (0: no bound). Seeds named or looked up are always fetched.
	MaxWorks int
}

// Seed is a work named by DOI or OpenAlex id.
type Seed struct {
	Key    string // "openalex" or "doi"
	Value  string // "W2741809807", or a normalised DOI
	Query  string // as given
	Source string // where it was given: "argument", "seeds.txt:3"
}

// ErrBadSeed is returned for a seed that is neither a DOI nor an OpenAlex id.
var ErrBadSeed = errors.New("not a DOI or an OpenAlex work id")

// ParseSeed reads a DOI ("10.1093/…", "https://doi.org/10.1093/…",
// "doi:10.1093/…") or an OpenAlex work id ("W2741809807",
// "https://openalex.org/W2741809807").
func ParseSeed(s, source string) (Seed, error) {
	s = strings.TrimSpace(s)
	if id := shortID(s); openAlexWorkID.MatchString(id) && (id == s || strings.Contains(strings.ToLower(s), "openalex.org/")) {
		return Seed{Key: "openalex", Value: id, Query: s, Source: source}, nil
	}
	if doi := bib.NormalizeDOI(s); doi != "" {
		return Seed{Key: "doi", Value: doi, Query: s, Source: source}, nil
	}
	return Seed{}, fmt.Errorf("%q: %w", s, ErrBadSeed)
}

// Result is a fetched corpus.
type Result struct {
	Works    [][]byte // OpenAlex works, each JSON on one line, in the order they were added
	Crossref [][]byte // Crossref works (the message of /works/{doi}) for DOIs OpenAlex does not know
	Rows     []Row    // every seed and reference, and what it led to
	Summary  Summary
}

// Summary counts what a fetch added and what it left out.
type Summary struct {
	Seeds      int   // seeds named by DOI or id
	References int   // references looked up
	Found      int   // seeds and references that led to a work
	Search     int   // works --search and --filter added
	Citing     int   // works --citing added
	Layers     []int // works each layer of --depth added
	// LeftOut says what --max-works kept out, stage by stage.
	LeftOut []string
	// Missing counts cited works OpenAlex did not return (merged or
	// withdrawn ids).
	Missing int
}

// run is one fetch under way.
type run struct {
	c       *Client
	req     Request
	res     *Result
	byID    map[string]int  // OpenAlex id → index in works
	works   []*work         // the corpus, in order
	seeds   int             // works[:seeds] are the seeds
	dois    map[string]bool // DOIs in the corpus, OpenAlex's and Crossref's
	pending []pendingDOI    // DOIs to fetch as seeds
	ids     []pendingDOI    // OpenAlex ids to fetch as seeds
}

// pendingDOI is a seed's DOI or id still to be fetched, and the rows that
// wait for it.
type pendingDOI struct {
	value string
	rows  []int
}

// Fetch builds the corpus req asks for.
func (c *Client) Fetch(ctx context.Context, req Request) (*Result, error) {
	r := &run{c: c, req: req, res: &Result{}, byID: map[string]int{}, dois: map[string]bool{}}
	if err := r.seedsNamed(ctx); err != nil {
		return nil, err
	}
	if err := r.seedsListed(ctx); err != nil {
		return nil, err
	}
	r.seeds = len(r.works)
	if req.Citing {
		if err := r.citing(ctx); err != nil {
			return nil, err
		}
	}
	layer := r.works[:r.seeds]
	for d := 1; d <= req.Depth; d++ {
		next, err := r.cited(ctx, d, layer)
		if err != nil {
			return nil, err
		}
		layer = next
	}
	for _, w := range r.works {
		r.res.Works = append(r.res.Works, w.raw)
	}
	for _, row := range r.res.Rows {
		if row.How != HowNotFound {
			r.res.Summary.Found++
		}
	}
	return r.res, nil
}

// room is how many more works --max-works allows.
func (r *run) room() int {
	if r.req.MaxWorks <= 0 {
		return -1
	}
	return max(0, r.req.MaxWorks-len(r.works)-len(r.res.Crossref))
}

// add puts a work in the corpus, once.
func (r *run) add(w *work) bool {
	if _, ok := r.byID[w.id]; ok {
		return false
	}
	r.byID[w.id] = len(r.works)
	r.works = append(r.works, w)
	if w.doi != "" {
		r.dois[w.doi] = true
	}
	r.c.works = len(r.works) + len(r.res.Crossref)
	return true
}

func (r *run) row(row Row) int {
	r.res.Rows = append(r.res.Rows, row)
	return len(r.res.Rows) - 1
}

// want queues a seed's DOI or id for fetching, for the row given.
func want(list *[]pendingDOI, value string, row int) {
	for i := range *list {
		if (*list)[i].value == value {
			(*list)[i].rows = append((*list)[i].rows, row)
			return
		}
	}
	*list = append(*list, pendingDOI{value, []int{row}})
}

// values lists the DOIs or ids of a queue.
func values(list []pendingDOI) []string {
	out := make([]string, len(list))
	for i, p := range list {
		out[i] = p.value
	}
	return out
}

// seedsNamed fetches the seeds named by id or DOI and those the references
// lead to.
func (r *run) seedsNamed(ctx context.Context) error {
	for _, s := range r.req.Seeds {
		i := r.row(Row{Source: s.Source, Query: s.Query})
		if s.Key == "openalex" {
			want(&r.ids, s.Value, i)
		} else {
			r.res.Rows[i].DOI = s.Value
			want(&r.pending, s.Value, i)
		}
	}
	r.res.Summary.Seeds = len(r.req.Seeds)
	if err := r.lookups(ctx); err != nil {
		return err
	}
	if err := r.fetchIDs(ctx); err != nil {
		return err
	}
	return r.fetchDOIs(ctx)
}

// lookups goes through the references: an OpenAlex id or a DOI is queued,
// anything else is searched for.
func (r *run) lookups(ctx context.Context) error {
	done := map[string]Row{} // the same reference in several lists is looked up once
	for _, rec := range r.req.References {
		for k := range rec.References {
			ref := &rec.References[k]
			r.res.Summary.References++
			src := rec.File + ":" + strconv.Itoa(ref.Line)
			if id := shortID(ref.ID); openAlexWorkID.MatchString(id) {
				want(&r.ids, id, r.row(Row{Source: src, Query: ref.Raw}))
				continue
			}
			if doi := bib.DOIKey(&ref.Work); doi != "" {
				want(&r.pending, doi, r.row(Row{Source: src, Query: ref.Raw, DOI: doi}))
				continue
			}
			key := queryText(ref)
			if prev, ok := done[key]; ok {
				prev.Source, prev.Query = src, ref.Raw
				i := r.row(prev)
				if prev.How == HowCrossrefSearch {
					want(&r.pending, prev.DOI, i)
				}

				continue
			}
			row := Row{Source: src, Query: ref.Raw}
			w, err := r.lookupReference(ctx, ref, &row)
			if err != nil {
				return err
			}
			i := r.row(row)
			switch {
			case w != nil:
				r.add(w)
			case row.How == HowCrossrefSearch:
				want(&r.pending, row.DOI, i)
			}
			done[key] = row
		}
	}
	return nil
}

// fetchIDs fetches the seeds named by OpenAlex id.
func (r *run) fetchIDs(ctx context.Context) error {
	got := map[string]*work{}
	err := r.c.worksByKey(ctx, "openalex", values(r.ids), func(w *work) { got[w.id] = w })
	if err != nil {
		return err
	}
	for _, p := range r.ids {
		w := got[p.value]
		for _, i := range p.rows {
			row := &r.res.Rows[i]
			if w == nil {
				row.How, row.Reason = HowNotFound, "OpenAlex has no work "+p.value
				continue
			}
			row.How, row.Work, row.DOI = HowID, w.id, w.doi
		}
		if w != nil {
			r.add(w)
		}
	}
	return nil
}

// fetchDOIs fetches the seeds' DOIs from OpenAlex, and those it does not
// know from Crossref.
func (r *run) fetchDOIs(ctx context.Context) error {
	got := map[string]*work{}
	err := r.c.worksByKey(ctx, "doi", values(r.pending), func(w *work) {
		if _, ok := got[w.doi]; !ok {
			got[w.doi] = w
		}
	})
	if err != nil {
		return err
	}
	for _, p := range r.pending {
		w := got[p.value]
		how, found, reason := HowDOI, "", ""
		switch {
		case w != nil:
			found = w.id
			r.add(w)
		case r.dois[p.value]:
			how, found = HowCrossrefDOI, "doi:"+p.value
		default:
			cr, err := r.c.crossrefWork(ctx, p.value)
			if err != nil {
				return err
			}
			if cr == nil {
				how, reason = HowNotFound, "neither OpenAlex nor Crossref knows the DOI"
				break
			}
			how, found = HowCrossrefDOI, "doi:"+p.value
			r.res.Crossref = append(r.res.Crossref, cr)
			r.dois[p.value] = true
			r.c.works++
		}
		for _, i := range p.rows {
			row := &r.res.Rows[i]
			row.Work, row.Reason = found, reason
			if row.How == "" || how == HowNotFound {
				row.How = how
			}
		}
	}
	return nil
}

// seedsListed adds the results of --search and --filter.
func (r *run) seedsListed(ctx context.Context) error {
	for _, s := range []struct{ param, value, how string }{{"search", r.req.Search, HowSearch}, {"filter", r.req.Filter, HowFilter}} {
		if strings.TrimSpace(s.value) == "" {
			continue
		}
		q := url.Values{"per_page": {strconv.Itoa(openAlexPage)}, "select": {openAlexFields}}
		filters := yearFilter(r.req.FromYear, r.req.ToYear)
		if s.param == "search" {
			q.Set("search", s.value)
		} else {
			filters = append([]string{s.value}, filters...)
		}
		if len(filters) > 0 {
			q.Set("filter", strings.Join(filters, ","))
		}
		source, taken := "--"+s.param, 0
		count, err := r.c.listWorks(ctx, q, r.room(), func(w *work) bool {
			if r.add(w) {
				taken++
				r.row(Row{Source: source, Query: s.value, How: s.how, Work: w.id, DOI: w.doi})
			}
			return true
		})
		if err != nil {
			return err
		}
		r.res.Summary.Search += taken
		if left := count - taken; left > 0 && r.room() == 0 {
			r.res.Summary.LeftOut = append(r.res.Summary.LeftOut, fmt.Sprintf("%d more results of %s %q", left, source, s.value))
		}
	}
	return nil
}

// citing adds the works that cite the seeds, most cited first.
func (r *run) citing(ctx context.Context) error {
	var ids []string
	for _, w := range r.works[:r.seeds] {
		ids = append(ids, w.id)
	}
	left := 0
	for len(ids) > 0 {
		n := min(r.c.batch, len(ids))
		filters := append([]string{"cites:" + strings.Join(ids[:n], "|")}, yearFilter(r.req.FromYear, r.req.ToYear)...)
		ids = ids[n:]
		q := url.Values{"filter": {strings.Join(filters, ",")}, "sort": {"cited_by_count:desc"},
			"per_page": {strconv.Itoa(openAlexPage)}, "select": {openAlexFields}}
		seen := 0
		count, err := r.c.listWorks(ctx, q, r.room(), func(w *work) bool {
			seen++
			if r.add(w) {
				r.res.Summary.Citing++
			}
			return r.room() != 0
		})
		if err != nil {
			return err
		}
		left += max(0, count-seen)
	}
	if left > 0 {
		r.res.Summary.LeftOut = append(r.res.Summary.LeftOut, fmt.Sprintf("%d works citing the seeds (the least cited)", left))
	}
	return nil
}

// cited adds layer d: the works that the works of the layer before cite
// and the corpus lacks, those the corpus cites most first.
func (r *run) cited(ctx context.Context, d int, layer []*work) ([]*work, error) {
	cites := map[string]int{}
	for _, w := range r.works {
		for _, id := range w.referenced {
			cites[id]++
		}
	}
	var order []string
	queued := map[string]bool{}
	for _, w := range layer {
		for _, id := range w.referenced {
			if _, in := r.byID[id]; !in && !queued[id] {
				queued[id] = true
				order = append(order, id)
			}
		}
	}
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(cites[b], cites[a]) })
	if room := r.room(); room >= 0 && len(order) > room {
		r.res.Summary.LeftOut = append(r.res.Summary.LeftOut, fmt.Sprintf("%d works at depth %d (the least cited by the corpus)", len(order)-room, d))
		order = order[:room]
	}
	start := len(r.works)
	err := r.c.worksByKey(ctx, "openalex", order, func(w *work) { r.add(w) })
	if err != nil {
		return nil, err
	}
	added := r.works[start:]
	r.res.Summary.Layers = append(r.res.Summary.Layers, len(added))
	r.res.Summary.Missing += len(order) - len(added)
	return added, nil
}
