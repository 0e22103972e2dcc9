package analysis

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/metrics"
)

// summaryTop is how many works and clusters the summary lists.
const summaryTop = 10

// WriteSummary writes the short report analyze prints: counts, the most
// cited works, the clusters with their top works, and the authors holding
// several cited works.
func (r *Result) WriteSummary(w io.Writer) {
	c := r.Corpus
	g := c.Citations
	records, cited := 0, 0
	matches := map[resolve.Match]int{}
	for i := range c.Works {
		if c.Works[i].InCorpus {
			records++
		}
		if g.InDegree(i) > 0 {
			cited++
		}
	}
	for _, ref := range c.Refs {
		matches[ref.Match]++
	}
	skipped := 0
	for _, d := range r.Diagnostics {
		if d.Skipped != "" {
			skipped++
		}
	}
	fmt.Fprintf(w, "records: %d read, %d distinct; %d skipped (diagnostics.csv)\n", c.Records, records, skipped)
	if r.NoReferences() {
		r.writeRecordsSummary(w, records)
		return
	}
	dups := matches[resolve.MatchDuplicate]
	delete(matches, resolve.MatchDuplicate)
	fmt.Fprintf(w, "references: %d read, %d resolved: %s\n", len(c.Refs), len(c.Refs)-dups, matchSummary(matches))
	if dups > 0 {
		fmt.Fprintf(w, "duplicates: %d references counted once already (a record given twice, or repeated in one list; match=duplicate in references.csv)\n", dups)
	}
	fmt.Fprintf(w, "works: %d, of which %d cited; %d citation links", len(c.Works), cited, g.Size())
	if loops, cycles := len(g.SelfLoops()), metrics.Cycles(g); loops > 0 || cycles > 0 {
		fmt.Fprintf(w, " (kept: %d self-citations, %d cycles of works citing each other)", loops, cycles)
	}
	fmt.Fprintln(w)
	if k := r.BetweennessPivots; k > 0 {
		fmt.Fprintf(w, "betweenness: estimated from %d random pivots of the %d works (Brandes & Pich 2007), "+
			"within ±%.3f·n(n−1) of the exact value for every work with probability 0.95; "+
			"--measures citations,pagerank,hits leaves it out\n", k, len(c.Works), metrics.PivotError(len(c.Works), k, 0.05))
	}

	fmt.Fprintf(w, "\nmost cited works:\n")
	for _, i := range mostCited(g, summaryTop) {
		wk := &c.Works[i]
		fmt.Fprintf(w, "  %4d  %-22s %s\n", g.InDegree(i), wk.Label, describe(&wk.Work))
	}

	members := r.clusterMembers()
	fmt.Fprintf(w, "\nco-citation network: %d works, %d links, %d clusters, modularity Q = %.4f\n",
		r.CoCitation.Order(), r.CoCitation.Size(), len(members), r.Clusters.Q)
	if note := r.selection(r.MinCitations, cited, "works cited at least %d times", "cited works"); note != "" {
		fmt.Fprintf(w, "  %s\n", note)
	}
	for ci, m := range members[:min(len(members), summaryTop)] {
		var top []string
		for _, wk := range m[:min(len(m), topWorksPerCluster)] {
			top = append(top, c.Works[wk].Label)
		}
		fmt.Fprintf(w, "  cluster %d (%d works): %s\n", ci+1, len(m), strings.Join(top, "; "))
	}
	if len(members) > summaryTop {
		fmt.Fprintf(w, "  … %d more in clusters.csv\n", len(members)-summaryTop)
	}

	authors := r.AuthorsTable()
	var several []string
	for _, row := range authors.Rows {
		if row[1] != "1" {
			several = append(several, fmt.Sprintf("%s (%s works)", row[0], row[1]))
		}
	}
	fmt.Fprintf(w, "\nauthor co-citation: %d authors, %d links; authors with several cited works: ", r.AuthorCoCitation.Order(), r.AuthorCoCitation.Size())
	if len(several) == 0 {
		fmt.Fprintln(w, "none")
	} else {
		fmt.Fprintln(w, strings.Join(several[:min(len(several), summaryTop)], ", "))
	}
	if note := r.selection(r.AuthorMinCitations, len(authors.Rows), "authors cited by at least %d records", "first authors of cited works"); note != "" {
		fmt.Fprintf(w, "  %s\n", note)
	}
}

// selection says which nodes a co-citation network holds when not all
// of the total cited ones: those cited at least k times (kept, a format
// taking k), and whether k was given or chosen.
func (r *Result) selection(k, total int, kept, all string) string {
	if k <= 1 {
		return ""
	}
	if r.Options.MinCitations > 0 {
		return fmt.Sprintf(kept+" (--min-citations), of %d %s", k, total, all)
	}
	return fmt.Sprintf(kept+", chosen to keep at most %d of the %d %s; --min-citations 1 keeps them all",
		k, r.Options.MaxNodes, total, all)
}

// writeRecordsSummary says why a corpus without references has no citation
// graph, and what its records gave instead.
func (r *Result) writeRecordsSummary(w io.Writer, records int) {
	fmt.Fprintf(w, "references: none. None of the %d records carries its cited references, so there is no\n"+
		"citation graph, co-citation or centrality: the export was made without them (Web of Science:\n"+
		"export the full record and cited references; Scopus: tick References), or its format has none\n"+
		"(PubMed, most RIS). Written from the records alone: works.csv, the co-authorship networks of\n"+
		"authors and countries, years.csv and sources.csv.\n", records)
	for _, t := range []struct {
		what  string
		table func() [][]string
	}{
		{"records by year", func() [][]string { return YearsTable(r.Corpus).Rows }},
		{"most frequent sources", func() [][]string { return SourcesTable(r.Corpus).Rows }},
	} {
		rows := t.table()
		if len(rows) == 0 {
			continue
		}
		var parts []string
		for _, row := range rows[:min(len(rows), summaryTop)] {
			name := []rune(row[0])
			if len(name) > 40 {
				name = append(name[:39], '…')
			}
			parts = append(parts, string(name)+": "+row[1])
		}
		fmt.Fprintf(w, "\n%s: %s", t.what, strings.Join(parts, ", "))
		if len(rows) > summaryTop {
			fmt.Fprintf(w, ", … (%d in all)", len(rows))
		}
		fmt.Fprintln(w)
	}
}

// matchSummary lists how many references each rule resolved, most first.
func matchSummary(m map[resolve.Match]int) string {
	rules := slices.Collect(maps.Keys(m))
	slices.SortFunc(rules, func(a, b resolve.Match) int { return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b)) })
	parts := make([]string, len(rules))
	for i, r := range rules {
		parts[i] = fmt.Sprintf("%d %s", m[r], r)
	}
	return strings.Join(parts, ", ")
}

// describe is a work's title, or where it was printed when the reference
// gave no title (Web of Science CR entries).
func describe(w *bib.Work) string {
	t := w.Title
	if t == "" {
		var parts []string
		for _, p := range []string{w.Container, w.Volume, w.FirstPage()} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		t = strings.Join(parts, ", ")
	}
	r := []rune(t)
	if len(r) > 70 {
		return string(r[:69]) + "…"
	}
	return t
}

// mostCited lists the k most cited works of g (fewer when fewer are
// cited), the most cited first, works cited as often in their order: what
// a stable sort of the cited works by citations puts first, kept in one
// pass.
func mostCited(g *graph.Directed, k int) []int {
	if k <= 0 {
		return nil
	}
	top := make([]int, 0, k+1)
	for v := range g.Order() {
		d := g.InDegree(v)
		if d == 0 || len(top) == k && d <= g.InDegree(top[k-1]) {
			continue
		}
		at := len(top)
		for at > 0 && g.InDegree(top[at-1]) < d {
			at--
		}
		top = slices.Insert(top, at, v)
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}
