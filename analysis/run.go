package analysis

import (
	"errors"
	"fmt"
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
	// MaxLinks is the most links a co-citation network may have: a
	// larger one is refused before it is built, with ErrTooLarge.
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
		var err error
		if r.MinCitations, err = coCitationSize(byWork, "works", opts); err != nil {
			return nil, err
		}
		r.AuthorOfWork, r.AuthorNames = graph.AuthorGroups(c.Works)
		if opts.Thesaurus != nil {
			r.AuthorsRelabelled = opts.Thesaurus.Relabel(r.AuthorNames, nil)
			r.AuthorOfWork, r.AuthorNames = r.AuthorsRelabelled.Single(r.AuthorOfWork), r.AuthorsRelabelled.Names
		}
		byAuthor = graph.Regroup(g, r.AuthorOfWork, len(r.AuthorNames))
		if r.AuthorMinCitations, err = coCitationSize(byAuthor, "first authors", opts); err != nil {
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
		})
	}
	wg.Wait()
	if centralityErr != nil {
		return nil, centralityErr
	}
	if opts.CoCitation {
		// The summary, authors.csv and the author network all read it.
		r.AuthorsTable()
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

// bytesPerLink is what one co-citation link costs at the peak of an
// analysis: 24 bytes in the network (both rows), 8 to order the link
// table, and what the clustering and the writers hold beside them
// (measured: see bench/README.md).
const bytesPerLink = 40

// coCitationSize chooses the least number of citations of the nodes of
// g's co-citation network (works, or the authors of a regrouped graph):
// opts.MinCitations, or the least that keeps it to opts.MaxNodes nodes.
// A network of more than opts.MaxLinks links is refused.
func coCitationSize(g *graph.Directed, what string, opts Options) (int, error) {
	k := opts.MinCitations
	if k <= 0 {
		k = graph.CitationThreshold(g, opts.MaxNodes)
	}
	if links := graph.CoCitationLinks(g, k, opts.MaxLinks); links > opts.MaxLinks {
		cited := 0
		for v := 0; v < g.Order(); v++ {
			if g.InDegree(v) >= k {
				cited++
			}
		}
		return k, fmt.Errorf("%w: the co-citation network of the %d %s cited at least %s would have %d links, "+
			"and take about %.1f GB of memory; the limit is %d links (--max-links). "+
			"Keep fewer %s with a larger --min-citations (0, the default, keeps at most %d), or raise --max-links",
			ErrTooLarge, cited, what, times(k), links, float64(links*bytesPerLink)/1e9, opts.MaxLinks, what, opts.MaxNodes)
	}
	return k, nil
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
