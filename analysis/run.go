package analysis

import (
	"errors"
	"fmt"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
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
	MinCitations int     // a work joins the co-citation network when cited at least this often
	Resolution   float64 // modularity resolution γ of the clustering
	Seed         uint64  // seed of the clustering's random node order
	DOTMaxEdges  int     // DOT files keep this many of the strongest links; 0 keeps all
	Measures     Measures
	CoCitation   bool // build and cluster the co-citation networks
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

// DefaultOptions are the command line's defaults.
func DefaultOptions() Options {
	return Options{MinCitations: 1, Resolution: 1, Seed: 1, DOTMaxEdges: 1000, Measures: AllMeasures, CoCitation: true}
}

// Result is a finished analysis. Per-work slices are indexed like
// Corpus.Works; a centrality not computed is nil.
type Result struct {
	Corpus                            *graph.Corpus
	PageRank, Hub, Authority, Between []float64
	CoCitation                        *graph.Projection
	Clusters                          metrics.Clustering // over CoCitation's nodes
	WorkCluster                       []int              // per work, -1 outside the co-citation network
	AuthorNames                       []string
	AuthorOfWork                      []int32 // per work, -1 without an author
	AuthorCoCitation                  *graph.Projection
	AuthorClusters                    metrics.Clustering
	Options                           Options
	Diagnostics                       []Diagnostic // what reading skipped or repaired
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
	var err error
	progress(fmt.Sprintf("centrality of %d works", len(c.Works)))
	if opts.Measures.PageRank {
		if r.PageRank, err = metrics.PageRank(g); err != nil {
			return nil, fmt.Errorf("pagerank: %w", err)
		}
	}
	if opts.Measures.HITS {
		if r.Hub, r.Authority, err = metrics.HITS(g); err != nil {
			return nil, fmt.Errorf("hits: %w", err)
		}
	}
	if opts.Measures.Betweenness {
		progress(fmt.Sprintf("betweenness of %d works", len(c.Works)))
		r.Between = metrics.Betweenness(g)
	}

	r.WorkCluster = make([]int, len(c.Works))
	for i := range r.WorkCluster {
		r.WorkCluster[i] = -1
	}
	if !opts.CoCitation {
		return r, nil
	}
	progress("co-citation networks and clusters")
	if opts.Thesaurus != nil {
		r.CoCitation = r.relabelledCoCitation()
	} else {
		r.CoCitation = graph.CoCitation(g, opts.MinCitations)
	}
	r.Clusters = metrics.Louvain(r.CoCitation.Undirected, opts.Resolution, opts.Seed)
	for node, w := range r.CoCitation.Members {
		r.WorkCluster[w] = r.Clusters.Membership[node]
	}

	r.AuthorOfWork, r.AuthorNames = graph.AuthorGroups(c.Works)
	if opts.Thesaurus != nil {
		r.AuthorsRelabelled = opts.Thesaurus.Relabel(r.AuthorNames, nil)
		r.AuthorOfWork, r.AuthorNames = r.AuthorsRelabelled.Single(r.AuthorOfWork), r.AuthorsRelabelled.Names
	}
	byAuthor := graph.CoCitation(graph.Regroup(g, r.AuthorOfWork, len(r.AuthorNames)), opts.MinCitations)
	// Regroup puts the author nodes after the works: shift back to author ids.
	for i := range byAuthor.Members {
		byAuthor.Members[i] -= int32(g.Order())
	}
	r.AuthorCoCitation = byAuthor
	r.AuthorClusters = metrics.Louvain(byAuthor.Undirected, opts.Resolution, opts.Seed)
	return r, nil
}
