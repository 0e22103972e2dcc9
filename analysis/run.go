package analysis

import (
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/metrics"
)

// Measures selects the centralities to compute.
type Measures struct {
	PageRank, HITS, Betweenness bool
}

// AllMeasures computes every centrality.
var AllMeasures = Measures{PageRank: true, HITS: true, Betweenness: true}

// Options tune an analysis.
type Options struct {
	// MinCitations: a work joins the co-citation network when cited at
	// least this often (an author, the author co-citation network, when
	// cited by this many records). 0 chooses the least number that keeps
	// each network to MaxNodes nodes (see graph.CitationThreshold).
	MinCitations int
	// MaxNodes bounds the networks when MinCitations is chosen: a map of a
	// few thousand works stays readable, and laying it out, clustering it
	// and drawing it take a second.
	MaxNodes int
	// MaxLinks is the most links the co-citation networks (of works and
	// of authors) may have together: larger ones are refused before they
	// are built, with ErrTooLarge.
	MaxLinks    int64
	Resolution  float64 // modularity resolution γ of the clustering
	Seed        uint64  // seed of the clustering's random node order, and of the betweenness pivots
	DOTMaxEdges int     // DOT files keep this many of the strongest links; 0 keeps all
	Measures    Measures
	// BetweennessWork bounds exact betweenness: when Brandes' algorithm
	// from every work would scan more arcs than this (estimated from a
	// sample of sources), betweenness is estimated from random pivots
	// instead (metrics.BetweennessWithin).
	BetweennessWork int64
	CoCitation      bool // build and cluster the co-citation networks
	// Progress, when set, is told each stage as it starts ("resolving
	// 13444 references"), for a progress line on a terminal.
	Progress func(stage string)
	// Overlay colours map.html's works by "year" or "citations" (see
	// Overlays); "" colours them by cluster.
	Overlay string
	// Thesaurus merges and drops cited works and authors in the
	// co-citation networks (nil: none).
	Thesaurus *graph.Thesaurus
	// Resolved, when set, is called as soon as the references are
	// resolved, with the result that Run goes on to complete: its
	// ResolvedFiles can be written meanwhile. An error it returns ends Run
	// with that error, before the analysis.
	Resolved func(*Result) error
}

// The defaults of Options.
const (
	DefaultMaxNodes        = 2000
	DefaultMaxLinks        = 100_000_000
	DefaultBetweennessWork = 2_000_000_000
)

// DefaultOptions are the command line's defaults.
func DefaultOptions() Options {
	return Options{MaxNodes: DefaultMaxNodes, MaxLinks: DefaultMaxLinks, Resolution: 1, Seed: 1, DOTMaxEdges: 1000,
		Measures: AllMeasures, BetweennessWork: DefaultBetweennessWork, CoCitation: true}
}

// ErrTooLarge is returned, wrapped in a message giving the links and
// memory a network would take and how to make it smaller, for a network
// with more than Options.MaxLinks links.
var ErrTooLarge = errors.New("network too large")

// Result is a finished analysis. Per-work slices are indexed like
// Corpus.Works; a centrality not computed is nil.
type Result struct {
	Corpus                            *graph.Corpus
	PageRank, Hub, Authority, Between []float64
	// BetweennessPivots is the number of pivots Between was estimated
	// from, 0 when it is exact.
	BetweennessPivots int
	CoCitation        *graph.Projection
	// MinCitations is the least number of citations of the works in
	// CoCitation, AuthorMinCitations that of the authors in
	// AuthorCoCitation: Options.MinCitations, or the numbers chosen.
	MinCitations, AuthorMinCitations int
	Clusters                         metrics.Clustering // over CoCitation's nodes
	WorkCluster                      []int              // per work, -1 outside the co-citation network
	AuthorNames                      []string
	AuthorOfWork                     []int32 // per work, -1 without an author
	AuthorCoCitation                 *graph.Projection
	AuthorClusters                   metrics.Clustering
	Options                          Options
	Diagnostics                      []Diagnostic  // what reading skipped or repaired
	authors                          *export.Table // authors.csv, made once by Run
	idsOnce                          sync.Once
	ids                              []string // the works' ids (workIDs)
	// WorksRelabelled and AuthorsRelabelled are what the thesaurus did to
	// the co-citation networks' works and authors; nil without one.
	WorksRelabelled, AuthorsRelabelled *graph.Relabelling
}

// Run analyses records; diagnostics are what reading passed over, reported
// with the result. Records without a single reference make a corpus without
// citations: its works are the records (Result.NoReferences).
func Run(records []*bib.Record, diagnostics []Diagnostic, opts Options) (*Result, error) {
	if len(records) == 0 {
		return nil, errors.New("the input holds no records")
	}
	progress := opts.Progress
	if progress == nil {
		progress = func(string) {}
	}
	refs := 0
	for _, rec := range records {
		refs += len(rec.References)
	}
	progress(fmt.Sprintf("resolving %d references of %d records", refs, len(records)))
	c := graph.NewCorpus(resolve.Resolve(records))
	r := &Result{Corpus: c, Options: opts, Diagnostics: diagnostics}
	if opts.Resolved != nil {
		if err := opts.Resolved(r); err != nil {
			return nil, err
		}
	}
	g := c.Citations
	r.WorkCluster = make([]int, len(c.Works))
	for i := range r.WorkCluster {
		r.WorkCluster[i] = -1
	}
	// The networks are sized first, so that one too large is refused
	// before any long work.
	var byWork, byAuthor *graph.Directed
	if opts.CoCitation {
		byWork = g
		if opts.Thesaurus != nil {
			byWork = r.relabelledWorks()
		}
		r.AuthorOfWork, r.AuthorNames = graph.AuthorGroups(c.Works)
		if opts.Thesaurus != nil {
			r.AuthorsRelabelled = opts.Thesaurus.Relabel(r.AuthorNames, nil)
			r.AuthorOfWork, r.AuthorNames = r.AuthorsRelabelled.Single(r.AuthorOfWork), r.AuthorsRelabelled.Names
		}
		byAuthor = graph.Regroup(g, r.AuthorOfWork, len(r.AuthorNames))
		var err error
		if r.MinCitations, r.AuthorMinCitations, err = networkSizes(byWork, byAuthor, opts); err != nil {
			return nil, err
		}
	}
	// Centrality and the two networks with their clusters are independent
	// of each other: they run side by side, each deterministic alone.
	progress(fmt.Sprintf("centrality of %d works; co-citation networks and clusters", len(c.Works)))
	var wg sync.WaitGroup
	var centralityErr error
	wg.Go(func() { centralityErr = r.centrality(opts.Measures) })
	if opts.CoCitation {
		wg.Go(func() {
			r.CoCitation = graph.CoCitation(byWork, r.MinCitations)
			if r.WorksRelabelled != nil {
				// Regroup puts the groups after the works: back to the
				// work each group is named after.
				for i, m := range r.CoCitation.Members {
					r.CoCitation.Members[i] = r.WorksRelabelled.From[m-int32(g.Order())]
				}
			}
			r.Clusters = metrics.Louvain(r.CoCitation.Undirected, opts.Resolution, opts.Seed)
			for node, w := range r.CoCitation.Members {
				r.WorkCluster[w] = r.Clusters.Membership[node]
			}
		})
		wg.Go(func() {
			p := graph.CoCitation(byAuthor, r.AuthorMinCitations)
			// Regroup puts the author nodes after the works: shift back to
			// author ids.
			for i := range p.Members {
				p.Members[i] -= int32(g.Order())
			}
			r.AuthorCoCitation = p
			r.AuthorClusters = metrics.Louvain(p.Undirected, opts.Resolution, opts.Seed)
			// The summary, authors.csv and the author network all read it.
			r.AuthorsTable()
		})
	}
	wg.Wait()
	if centralityErr != nil {
		return nil, centralityErr
	}
	return r, nil
}

// centrality computes the measures chosen.
func (r *Result) centrality(ms Measures) error {
	g := r.Corpus.Citations
	var err error
	if ms.PageRank {
		if r.PageRank, err = metrics.PageRank(g); err != nil {
			return fmt.Errorf("pagerank: %w", err)
		}
	}
	if ms.HITS {
		if r.Hub, r.Authority, err = metrics.HITS(g); err != nil {
			return fmt.Errorf("hits: %w", err)
		}
	}
	if ms.Betweenness {
		r.Between, r.BetweennessPivots = metrics.BetweennessWithin(g, r.Options.BetweennessWork, r.Options.Seed)
	}
	return nil
}

// bytesPerLink is the peak resident memory of an analysis for each
// co-citation link, measured with 100M links (2 × 50M: a reference list
// of 10,000 works with --min-citations 1, 5.5 GB): 24 bytes in the
// network (both rows), 8 to order the link table, the clustering's and
// the writers' scratch, and the garbage collector's headroom.
const bytesPerLink = 56

// networkSizes chooses the least number of citations of the works of the
// co-citation network and of the authors of the author network, g
// regrouped by author: opts.MinCitations, or the least that keeps each to
// opts.MaxNodes nodes. Networks of more than opts.MaxLinks links together
// are refused.
func networkSizes(byWork, byAuthor *graph.Directed, opts Options) (works, authors int, err error) {
	choose := func(g *graph.Directed) int {
		if opts.MinCitations > 0 {
			return opts.MinCitations
		}
		return graph.CitationThreshold(g, opts.MaxNodes)
	}
	works, authors = choose(byWork), choose(byAuthor)
	links := graph.CoCitationLinks(byWork, works, opts.MaxLinks)
	if links > opts.MaxLinks {
		return works, authors, tooLarge(byWork, works, links, "works", "", opts)
	}
	if more := graph.CoCitationLinks(byAuthor, authors, opts.MaxLinks-links); more > opts.MaxLinks-links {
		// links may be a bound: count them, then the authors' again.
		links = graph.CoCitationLinks(byWork, works, -1)
		if more = graph.CoCitationLinks(byAuthor, authors, opts.MaxLinks-links); more > opts.MaxLinks-links {
			return works, authors, tooLarge(byAuthor, authors, more, "first authors",
				fmt.Sprintf(", beside the %d of the works' network", links), opts)
		}
	}
	return works, authors, nil
}

// tooLarge is the refusal of a co-citation network of g's nodes (what)
// cited at least k times, of the given links.
func tooLarge(g *graph.Directed, k int, links int64, what, beside string, opts Options) error {
	cited := 0
	for v := 0; v < g.Order(); v++ {
		if g.InDegree(v) >= k {
			cited++
		}
	}
	return fmt.Errorf("%w: the co-citation network of the %d %s cited at least %s would have %d links%s, "+
		"and take about %s of memory; the limit is %d links (--max-links). "+
		"Keep fewer %s with a larger --min-citations (0, the default, keeps at most %d), or raise --max-links",
		ErrTooLarge, cited, what, times(k), links, beside, memory(links*bytesPerLink), opts.MaxLinks, what, opts.MaxNodes)
}

// memory writes a number of bytes in MB or GB.
func memory(bytes int64) string {
	if bytes < 1e9 {
		return fmt.Sprintf("%.0f MB", math.Ceil(float64(bytes)/1e6))
	}
	return fmt.Sprintf("%.1f GB", float64(bytes)/1e9)
}

// times is "once", "twice" or "k times".
func times(k int) string {
	switch k {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", k)
}
