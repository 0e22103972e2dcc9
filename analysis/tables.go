package analysis

import (
	"cmp"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// WorksHeader is the column list of works.csv.
var WorksHeader = []string{"id", "label", "first_author", "authors", "year", "title", "source", "volume", "issue", "pages", "doi", "url", "original", "in_corpus", "citations", "references", "pagerank", "hub", "authority", "betweenness", "cluster"}

// rowRanges is a table made from an index space 0..n−1 (works,
// references, links): rows(lo, hi) yields the rows of the items lo..hi−1
// in order, none, one or several an item, in a slice of its own that it
// reuses. Ranges may be made side by side (export.WriteCSVRanges).
type rowRanges struct {
	n    int
	rows func(lo, hi int) iter.Seq[[]string]
}

// all yields every row.
func (t rowRanges) all() iter.Seq[[]string] { return t.rows(0, t.n) }

// heldRows are the rows of a table held whole.
func heldRows(rows [][]string) rowRanges {
	return rowRanges{len(rows), func(lo, hi int) iter.Seq[[]string] { return slices.Values(rows[lo:hi]) }}
}

// WorksTable is works.csv: one row per work, in order of first appearance
// (citing records first).
func (r *Result) WorksTable() *export.Table { return export.Collect(WorksHeader, r.worksRows().all()) }

func (r *Result) worksRows() rowRanges {
	return rowRanges{len(r.Corpus.Works), func(lo, hi int) iter.Seq[[]string] {
		return func(yield func([]string) bool) {
			row := make([]string, len(WorksHeader))
			for i := lo; i < hi; i++ {
				if !yield(r.workRow(i, row)) {
					return
				}
			}
		}
	}}
}

// workRow fills row with work i's row of works.csv.
func (r *Result) workRow(i int, row []string) []string {
	g := r.Corpus.Citations
	w := &r.Corpus.Works[i]
	return append(row[:0],
		w.ID, w.Label, w.FirstAuthor().String(), joinNames(w.Authors), export.Int(w.Year, true),
		w.Title, w.Container, w.Volume, w.Issue, w.Pages, w.DOI, w.URL, w.Original,
		strconv.FormatBool(w.InCorpus), strconv.Itoa(g.InDegree(i)), strconv.Itoa(g.OutDegree(i)),
		floatAt(r.PageRank, i), floatAt(r.Hub, i), floatAt(r.Authority, i), floatAt(r.Between, i),
		clusterName(r.WorkCluster[i]),
	)
}

func joinNames(ns []bib.Name) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = n.String()
	}
	return strings.Join(s, "; ")
}

func floatAt(xs []float64, i int) string {
	if xs == nil {
		return ""
	}
	return export.Float(xs[i])
}

// clusterName numbers clusters from 1, the largest first; "" for none.
func clusterName(c int) string {
	if c < 0 {
		return ""
	}
	return strconv.Itoa(c + 1)
}

// ReferencesTable is references.csv: every input reference, in input order, with
// the work it resolved to and the rule that resolved it.
func (r *Result) ReferencesTable() *export.Table {
	return export.Collect(ReferencesHeader, r.referencesRows().all())
}

func (r *Result) referencesRows() rowRanges {
	return rowRanges{len(r.Corpus.Refs), func(lo, hi int) iter.Seq[[]string] {
		return func(yield func([]string) bool) {
			row := make([]string, len(ReferencesHeader))
			for i := lo; i < hi; i++ {
				ref := &r.Corpus.Refs[i]
				row = append(row[:0], r.id(ref.Citing), strconv.Itoa(ref.Position), ref.Raw, r.id(ref.Work), string(ref.Match),
					matchScore(ref), ref.File, export.Int(ref.Line, true))
				if !yield(row) {
					return
				}
			}
		}
	}}
}

// ReferencesHeader is the column list of references.csv.
var ReferencesHeader = []string{"citing", "position", "raw", "work", "match", "score", "file", "line"}

// matchScore writes a reference's match score in [0, 1] with three
// decimals, or "" for the first reference to a work.
func matchScore(ref *resolve.Ref) string {
	if ref.Match == resolve.MatchNew {
		return ""
	}
	return strconv.FormatFloat(ref.Score, 'f', 3, 64)
}

// MatchesHeader is the column list of matches.csv.
var MatchesHeader = []string{"work", "citing", "position", "match", "score", "agreed", "joined_via"}

// MatchesTable is matches.csv: one row for every reference that joined a
// work already made (by its record or by an earlier reference), so that a
// scholar can audit each merge: the work, the citing paper and position of
// the reference, the rule and score that joined it, the fields that agreed,
// and what it was matched with — another reference ("citing#position") or
// the work's own record (its id).
func (r *Result) MatchesTable() *export.Table {
	return export.Collect(MatchesHeader, r.matchesRows().all())
}

// matchesRows are made from the index space of references.
func (r *Result) matchesRows() rowRanges {
	c := r.Corpus
	return rowRanges{len(c.Refs), func(lo, hi int) iter.Seq[[]string] {
		return func(yield func([]string) bool) {
			row := make([]string, len(MatchesHeader))
			for i := lo; i < hi; i++ {
				ref := &c.Refs[i]
				if ref.Match == resolve.MatchNew || ref.Match == resolve.MatchDuplicate {
					continue
				}
				via := ""
				switch {
				case ref.Via >= 0:
					v := &c.Refs[ref.Via]
					via = r.id(v.Citing) + "#" + strconv.Itoa(v.Position)
				case c.Works[ref.Work].InCorpus:
					via = r.id(ref.Work)
				}
				row = append(row[:0], r.id(ref.Work), r.id(ref.Citing), strconv.Itoa(ref.Position), string(ref.Match),
					matchScore(ref), ref.Agreed, via)
				if !yield(row) {
					return
				}
			}
		}
	}}
}

// id is a work's id, "" for none (a duplicate reference without a twin).
func (r *Result) id(w int32) string {
	if w < 0 {
		return ""
	}
	return r.workIDs()[w]
}

// workIDs are the works' ids in one array, made once. The tables look ids
// up in random order, 1.2 million times for 500 records citing 800 works
// each: from the 240-byte Works, each look-up would miss the cache.
func (r *Result) workIDs() []string {
	r.idsOnce.Do(func() {
		r.ids = make([]string, len(r.Corpus.Works))
		for i := range r.Corpus.Works {
			r.ids[i] = r.Corpus.Works[i].ID
		}
	})
	return r.ids
}

// CitationsHeader is the column list of citations.csv.
var CitationsHeader = []string{"citing", "cited"}

// CitationsTable is citations.csv: each citing–cited pair once.
func (r *Result) CitationsTable() *export.Table {
	return export.Collect(CitationsHeader, r.citationsRows().all())
}

// citationsRows are made from the index space of the citation graph's
// arcs, in CSR order: by citing work, then cited.
func (r *Result) citationsRows() rowRanges {
	off, adj := r.Corpus.Citations.CSR()
	return rowRanges{len(adj), func(lo, hi int) iter.Seq[[]string] {
		return func(yield func([]string) bool) {
			row := make([]string, 2)
			u, _ := slices.BinarySearch(off, int64(lo)+1) // the first row ending after lo
			u--
			for e := lo; e < hi; e++ {
				for off[u+1] <= int64(e) {
					u++
				}
				row[0], row[1] = r.id(int32(u)), r.id(adj[e])
				if !yield(row) {
					return
				}
			}
		}
	}}
}

// LinksHeader is the column list of cocitation.csv and
// author_cocitation.csv.
var LinksHeader = []string{"a", "b", "count"}

// linkRows are a projection's links as rows a,b,count with a < b by
// name, the strongest first, ties in name order. Ordering the links costs
// 8 bytes a link, held while the rows are made.
func linkRows(p *graph.Projection, name func(member int32) string) rowRanges {
	links := strongestFirst(p.Undirected, func(v int) string { return name(p.Members[v]) })
	return rowRanges{len(links.links), func(lo, hi int) iter.Seq[[]string] {
		return func(yield func([]string) bool) {
			row := make([]string, 3)
			count, countText := -1.0, ""
			for l, w := range links.between(lo, hi) {
				if w != count {
					count, countText = w, export.Float(w)
				}
				row[0], row[1], row[2] = name(p.Members[l.a]), name(p.Members[l.b]), countText
				if !yield(row) {
					return
				}
			}
		}
	}}
}

// CoCitationTable is cocitation.csv: a,b,count with a < b.
func (r *Result) CoCitationTable() *export.Table {
	return export.Collect(LinksHeader, linkRows(r.CoCitation, r.id).all())
}

// topWorksPerCluster is how many works clusters.csv names per cluster.
const topWorksPerCluster = 5

// ClustersHeader is the column list of clusters.csv.
var ClustersHeader = []string{"cluster", "size", "modularity", "top_works", "min_citations"}

// ClustersTable is clusters.csv: each co-citation cluster, its size, the
// clustering's modularity, its most cited works, and the least number of
// citations of the works in the network (the network cocitation.csv
// holds).
func (r *Result) ClustersTable() *export.Table {
	t := &export.Table{Header: ClustersHeader}
	for c, members := range r.clusterMembers() {
		var top []string
		for _, w := range members[:min(len(members), topWorksPerCluster)] {
			top = append(top, r.Corpus.Works[w].Label)
		}
		t.Rows = append(t.Rows, []string{clusterName(c), strconv.Itoa(len(members)), export.Float(r.Clusters.Q), strings.Join(top, "; "),
			strconv.Itoa(max(1, r.MinCitations))})
	}
	return t
}

// clusterMembers lists each cluster's works, the most cited first.
func (r *Result) clusterMembers() [][]int32 {
	k := 0
	for _, c := range r.Clusters.Membership {
		k = max(k, c+1)
	}
	members := make([][]int32, k)
	for node, c := range r.Clusters.Membership {
		members[c] = append(members[c], r.CoCitation.Members[node])
	}
	g := r.Corpus.Citations
	for _, m := range members {
		slices.SortStableFunc(m, func(a, b int32) int { return cmp.Compare(g.InDegree(int(b)), g.InDegree(int(a))) })
	}
	return members
}

// AuthorsHeader is the column list of authors.csv.
var AuthorsHeader = []string{"author", "works", "citations", "cluster"}

// AuthorsTable is authors.csv: each first author of a cited work, how many works
// and citations they hold, and their author co-citation cluster.
func (r *Result) AuthorsTable() *export.Table {
	if r.authors == nil {
		r.authors = r.authorsTable()
	}
	return r.authors
}

func (r *Result) authorsTable() *export.Table {
	n := len(r.AuthorNames)
	works, cites := make([]int, n), make([]int, n)
	g := r.Corpus.Citations
	for w, a := range r.AuthorOfWork {
		if a >= 0 && g.InDegree(w) > 0 {
			works[a]++
			cites[a] += g.InDegree(w)
		}
	}
	cluster := make([]int, n)
	for i := range cluster {
		cluster[i] = -1
	}
	for node, a := range r.AuthorCoCitation.Members {
		cluster[a] = r.AuthorClusters.Membership[node]
	}
	// The most cited first, then by name. The sort reads its keys side by
	// side, names by their first eight bytes where those differ.
	type author struct {
		cites  int
		prefix uint64
		name   string
		a      int
	}
	order := make([]author, 0, n)
	for a := 0; a < n; a++ {
		if works[a] > 0 {
			order = append(order, author{cites[a], namePrefix(r.AuthorNames[a]), r.AuthorNames[a], a})
		}
	}
	slices.SortFunc(order, func(x, y author) int {
		if x.cites != y.cites {
			return cmp.Compare(y.cites, x.cites)
		}
		if x.prefix != y.prefix {
			return cmp.Compare(x.prefix, y.prefix)
		}
		return cmp.Or(strings.Compare(x.name, y.name), cmp.Compare(x.a, y.a))
	})
	// The rows share one array of cells.
	t := &export.Table{Header: AuthorsHeader, Rows: make([][]string, len(order))}
	cells := make([]string, len(order)*len(AuthorsHeader))
	for i, o := range order {
		row := cells[i*len(AuthorsHeader) : (i+1)*len(AuthorsHeader) : (i+1)*len(AuthorsHeader)]
		row[0], row[1], row[2], row[3] = o.name, strconv.Itoa(works[o.a]), strconv.Itoa(o.cites), clusterName(cluster[o.a])
		t.Rows[i] = row
	}
	return t
}

// namePrefix is s's first eight bytes as a number (zeros past its end):
// strings whose prefixes differ are in the order of their prefixes.
func namePrefix(s string) uint64 {
	var p uint64
	for i := range 8 {
		p <<= 8
		if i < len(s) {
			p |= uint64(s[i])
		}
	}
	return p
}

// AuthorCoCitationTable is author_cocitation.csv: a,b,count with a < b.
func (r *Result) AuthorCoCitationTable() *export.Table {
	return export.Collect(LinksHeader, linkRows(r.AuthorCoCitation, r.authorName).all())
}

func (r *Result) authorName(a int32) string { return r.AuthorNames[a] }
