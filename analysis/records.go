package analysis

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// NoReferences reports whether the corpus has no reference at all: an
// export made without the cited references, or of a format that has none
// (PubMed, most RIS). There is then no citation graph; what the records
// allow is co-authorship, countries, sources and years (RecordFiles).
func (r *Result) NoReferences() bool { return len(r.Corpus.Refs) == 0 }

// RecordNetworks are the networks analyze builds from the records alone
// when they carry no references.
var RecordNetworks = []string{CoauthorshipKind + "_" + AuthorLevel, CoauthorshipKind + "_" + CountryLevel}

// RecordFiles are the tables of the citing records by themselves:
// years.csv (records and the database's citation counts per year) and
// sources.csv (the same per source, most records first).
func RecordFiles(c *graph.Corpus) []export.File {
	return []export.File{TableFile("years.csv", YearsTable(c)), TableFile("sources.csv", SourcesTable(c))}
}

// recordCount is the records of one year or source and their times cited.
type recordCount struct {
	name           string
	records, cited int
}

// countRecords tallies the corpus records by key ("" left out), in order
// of first appearance.
func countRecords(c *graph.Corpus, key func(*resolve.Work) (string, string)) []recordCount {
	var out []recordCount
	index := map[string]int{}
	for i := range c.Works {
		w := &c.Works[i]
		if !w.InCorpus {
			continue
		}
		k, name := key(w)
		if k == "" {
			continue
		}
		j, ok := index[k]
		if !ok {
			j = len(out)
			index[k] = j
			out = append(out, recordCount{name: name})
		}
		out[j].records++
		if w.Record != nil {
			out[j].cited += w.Record.TimesCited
		}
	}
	return out
}

// YearsTable is years.csv: year, records, times_cited, by year.
func YearsTable(c *graph.Corpus) *export.Table {
	rows := countRecords(c, func(w *resolve.Work) (string, string) {
		if w.Year == 0 {
			return "", ""
		}
		return strconv.Itoa(w.Year), strconv.Itoa(w.Year)
	})
	slices.SortFunc(rows, func(a, b recordCount) int { return cmp.Compare(a.name, b.name) })
	return recordTable("year", rows)
}

// SourcesTable is sources.csv: source, records, times_cited, most records
// first (then by name).
func SourcesTable(c *graph.Corpus) *export.Table {
	rows := countRecords(c, func(w *resolve.Work) (string, string) { return graph.SourceKey(&w.Work) })
	slices.SortStableFunc(rows, func(a, b recordCount) int {
		return cmp.Or(cmp.Compare(b.records, a.records), cmp.Compare(a.name, b.name))
	})
	return recordTable("source", rows)
}

func recordTable(what string, rows []recordCount) *export.Table {
	t := &export.Table{Header: []string{what, "records", "times_cited"}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.name, strconv.Itoa(r.records), strconv.Itoa(r.cited)})
	}
	return t
}
