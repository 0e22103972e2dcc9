package analysis

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// Period is a time slice: the records published in the years From to To.
type Period struct{ From, To int }

func (p Period) String() string {
	if p.From == p.To {
		return strconv.Itoa(p.From)
	}
	return strconv.Itoa(p.From) + "-" + strconv.Itoa(p.To)
}

// recordYears returns the first and last publication year of the corpus
// records; ok is false when no record has a year.
func recordYears(c *graph.Corpus) (first, last int, ok bool) {
	for i := range c.Works {
		w := &c.Works[i]
		if !w.InCorpus || w.Year == 0 {
			continue
		}
		if !ok || w.Year < first {
			first = w.Year
		}
		if !ok || w.Year > last {
			last = w.Year
		}
		ok = true
	}
	return first, last, ok
}

// CutPeriods cuts the corpus's years at the given years, as bibliometrix's
// timeslice and thematicEvolution do: cut points y1 < y2 < … give the
// periods up to y1, y1+1 to y2, …, and after the last cut when records
// were published then. Periods holding no year of the corpus are left
// out.
func CutPeriods(c *graph.Corpus, cuts []int) ([]Period, error) {
	first, last, ok := recordYears(c)
	if !ok {
		return nil, fmt.Errorf("no record has a publication year: the corpus cannot be sliced")
	}
	cuts = slices.Clone(cuts)
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var ps []Period
	from := first
	for _, y := range append(cuts, last) {
		if to := min(y, last); to >= from {
			ps = append(ps, Period{from, to})
			from = to + 1
		}
	}
	return ps, nil
}

// YearPeriods cuts the corpus's years into slices of n years from its first
// year, as CiteSpace's "years per slice".
func YearPeriods(c *graph.Corpus, n int) ([]Period, error) {
	first, last, ok := recordYears(c)
	if !ok {
		return nil, fmt.Errorf("no record has a publication year: the corpus cannot be sliced")
	}
	var ps []Period
	for y := first; y <= last; y += n {
		ps = append(ps, Period{y, min(y+n-1, last)})
	}
	return ps, nil
}

// ParseYears reads a comma-separated list of years: "2005,2012,2019".
func ParseYears(s string) ([]int, error) {
	var ys []int
	for _, f := range strings.Split(s, ",") {
		y, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || y < 1000 || y > 9999 {
			return nil, fmt.Errorf("%q is not a year (give years such as 2005,2012,2019)", strings.TrimSpace(f))
		}
		ys = append(ys, y)
	}
	return ys, nil
}

// SlicedNetworks builds the network of every period: the network options
// applied to the corpus sliced to the period's records (graph.Corpus.Slice).
// A period whose records make no network is kept, empty of nodes.
func SlicedNetworks(c *graph.Corpus, periods []Period, opts NetworkOptions) ([]*NetworkResult, error) {
	out := make([]*NetworkResult, len(periods))
	for i, p := range periods {
		r, err := BuildNetwork(c.Slice(p.From, p.To), opts)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		r.Period = &periods[i]
		out[i] = r
	}
	return out, nil
}

// SlicesHeader documents KIND_LEVEL_slices.csv.
var SlicesHeader = []string{"slice", "from", "to", "records", "nodes", "links", "clusters", "modularity", "silhouette", "top_nodes"}

// SlicesTable is KIND_LEVEL_slices.csv: one row per time slice with its
// records, the size of its network, its clustering, and its five strongest
// nodes; each slice's own tables are KIND_LEVEL_FROM-TO_*.csv.
func SlicesTable(rs []*NetworkResult) *export.Table {
	t := &export.Table{Header: SlicesHeader}
	for _, r := range rs {
		records := 0
		for i := range r.Corpus.Works {
			if r.Corpus.Works[i].InCorpus {
				records++
			}
		}
		var top []string
		for _, v := range r.byStrength()[:min(5, r.Raw.Order())] {
			top = append(top, r.Names[r.Raw.Members[v]])
		}
		t.Rows = append(t.Rows, []string{
			r.Period.String(), strconv.Itoa(r.Period.From), strconv.Itoa(r.Period.To), strconv.Itoa(records),
			strconv.Itoa(r.Raw.Order()), strconv.Itoa(r.Raw.Size()), strconv.Itoa(r.Clusters.K()),
			export.Float(r.Clusters.Q), export.Float(r.Silhouette.Mean), strings.Join(top, "; "),
		})
	}
	return t
}
