package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/metrics"
)

// Network kinds.
const (
	CoCitationKind   = "cocitation"
	CouplingKind     = "coupling"
	CoauthorshipKind = "coauthorship"
)

// Network levels: what a node stands for.
const (
	DocumentLevel    = "documents"
	AuthorLevel      = "authors"
	SourceLevel      = "sources"
	CountryLevel     = "countries"
	InstitutionLevel = "institutions"
)

// NetworkLevels lists the levels each kind of network supports.
var NetworkLevels = map[string][]string{
	CoCitationKind:   {DocumentLevel, AuthorLevel, SourceLevel},
	CouplingKind:     {DocumentLevel, AuthorLevel, SourceLevel},
	CoauthorshipKind: {AuthorLevel, CountryLevel, InstitutionLevel},
	CowordKind:       {KeywordLevel, AuthorKeywordLevel, IndexKeywordLevel, TermLevel},
}

// NetworkOptions choose and tune a bibliometric network.
type NetworkOptions struct {
	Kind, Level string
	Counting    graph.Counting
	Normalize   graph.Normalization
	// MinOccurrences is the least number of items a node needs: citations
	// (co-citation), references (coupling) or documents (co-authorship).
	MinOccurrences int
	Top            int     // keep the nodes of largest total link weight; 0 keeps all
	MinStrength    float64 // drop links lighter than this (before normalisation)
	Leiden         metrics.LeidenOptions
	LabelTerms     int // cluster labels per method; 0 for none
	DOTMaxEdges    int
	// Thesaurus merges and drops node labels before linking (nil: none).
	Thesaurus *graph.Thesaurus
	// Coword tunes co-word networks (see CowordOptions).
	Coword CowordOptions
	// MaxLinks refuses, with ErrTooLarge, a co-citation or coupling
	// network of documents, authors or sources of more links, before it
	// is built; 0 sets no limit.
	MaxLinks int64
}

// DefaultNetworkOptions are co-citation of documents, full counting,
// association strength, Leiden modularity at γ = 1, five labels.
func DefaultNetworkOptions() NetworkOptions {
	return NetworkOptions{Kind: CoCitationKind, Level: DocumentLevel, Normalize: graph.AssociationStrength,
		MinOccurrences: 1, Leiden: metrics.DefaultLeidenOptions(), LabelTerms: 5, DOTMaxEdges: 1000,
		Coword: DefaultCowordOptions(), MaxLinks: DefaultMaxLinks}
}

// NetworkResult is a built, clustered network.
type NetworkResult struct {
	Corpus  *graph.Corpus
	Options NetworkOptions
	// Raw has the counted link weights, after the thresholds; Net the
	// normalised ones, which the clustering used.
	Raw, Net *graph.Network
	// Names and IDs name the members (Raw.Members index them): work labels
	// and ids at the document level, group names otherwise.
	Names, IDs []string
	// Records lists, per node, the corpus records behind it: those citing
	// it (co-citation), or its own records (coupling, co-authorship). Cluster
	// labels come from their texts.
	Records    [][]int32
	Clusters   metrics.LeidenResult
	Silhouette metrics.SilhouetteResult
	Core       []int
	LabelsLLR  [][]metrics.LabelTerm
	LabelsTF   [][]metrics.LabelTerm
	// Relabelled is what the thesaurus did to the nodes; nil without one.
	Relabelled *graph.Relabelling
	// Period is the time slice of a sliced network; nil for the whole corpus.
	Period *Period
}

// BuildNetwork builds, thresholds, normalises and clusters a network.
func BuildNetwork(c *graph.Corpus, opts NetworkOptions) (*NetworkResult, error) {
	r, err := ProjectNetwork(c, opts)
	if err != nil {
		return nil, err
	}
	return r, r.cluster()
}

// ProjectNetwork builds, thresholds and normalises a network, and finds
// the records behind each node, as BuildNetwork does, but does not cluster
// it: Clusters, Silhouette, Core and the labels are left empty.
func ProjectNetwork(c *graph.Corpus, opts NetworkOptions) (*NetworkResult, error) {
	if !slices.Contains(NetworkLevels[opts.Kind], opts.Level) {
		return nil, fmt.Errorf("no %s network at the %s level (levels: %s)", opts.Kind, opts.Level, strings.Join(NetworkLevels[opts.Kind], ", "))
	}
	g := c.Citations
	n := g.Order()
	minOcc := max(1, opts.MinOccurrences)
	r := &NetworkResult{Corpus: c, Options: opts}
	var net *graph.Network
	var memberRecords func(member int32) []int32
	switch {
	case opts.Level == DocumentLevel && opts.Thesaurus == nil:
		r.Names, r.IDs = graph.WorkNames(c)
		if opts.Kind == CoCitationKind {
			if err := opts.checkSize(g, graph.CoCitationLinks, minOcc, "works cited at least "+times(minOcc)); err != nil {
				return nil, err
			}
			net = graph.CoCitationCounted(g, minOcc, opts.Counting)
		} else {
			if err := opts.checkSize(g, graph.CouplingLinks, minOcc, fmt.Sprintf("records citing at least %d work%s", minOcc, map[bool]string{true: "s"}[minOcc > 1])); err != nil {
				return nil, err
			}
			net = graph.CouplingCounted(g, minOcc, opts.Counting)
		}
		memberRecords = documentRecords(g, opts.Kind)
	case opts.Kind == CoCitationKind:
		var group []int32
		switch opts.Level {
		case AuthorLevel:
			group, r.Names = graph.AuthorGroups(c.Works)
		case SourceLevel:
			group, r.Names = graph.SourceGroups(c.Works)
		default: // documents, relabelled
			group = make([]int32, n)
			for i := range group {
				group[i] = int32(i)
			}
			r.Names, r.IDs = graph.WorkNames(c)
		}
		if opts.Thesaurus != nil {
			group = r.relabel().Single(group)
		}
		regrouped := graph.Regroup(g, group, len(r.Names))
		if err := opts.checkSize(regrouped, graph.CoCitationLinks, minOcc, opts.Level+" cited at least "+times(minOcc)); err != nil {
			return nil, err
		}
		net = graph.CoCitationCounted(regrouped, minOcc, opts.Counting)
		for i := range net.Members {
			net.Members[i] -= int32(n)
		}
		memberRecords = groupCiters(g, group, len(r.Names))
	default:
		var lists [][]int32
		switch opts.Level {
		case AuthorLevel:
			lists, r.Names = graph.RecordAuthors(c.Works)
		case SourceLevel:
			lists, r.Names = graph.RecordSources(c.Works)
		case CountryLevel:
			lists, r.Names = graph.RecordCountries(c.Works)
		case InstitutionLevel:
			lists, r.Names = graph.RecordInstitutions(c.Works)
		case DocumentLevel: // records, relabelled
			lists = make([][]int32, n)
			for i := range c.Works {
				if c.Works[i].InCorpus {
					lists[i] = []int32{int32(i)}
				}
			}
			r.Names, r.IDs = graph.WorkNames(c)
		default:
			lists, r.Names = cowordLists(c, opts.Level, opts.Coword)
		}
		if opts.Thesaurus != nil {
			lists = r.relabel().Lists(lists)
		}
		if opts.Kind == CouplingKind {
			net = graph.GroupCoupling(g, lists, len(r.Names), minOcc, opts.Counting)
		} else {
			net = graph.GroupCooccurrence(lists, len(r.Names), minOcc, opts.Counting)
		}
		memberRecords = groupRecords(lists, len(r.Names))
	}
	if r.IDs == nil {
		r.IDs = uniqueIDs(r.Names)
	}
	r.Raw = net.Filter(opts.Top, opts.MinStrength)
	r.Net = r.Raw.Normalize(opts.Normalize)
	r.Records = make([][]int32, r.Raw.Order())
	for v, m := range r.Raw.Members {
		r.Records[v] = memberRecords(m)
	}
	return r, nil
}

// documentRecords are the records behind a work's node: those citing it
// (co-citation), or itself (coupling).
func documentRecords(g *graph.Directed, kind string) func(member int32) []int32 {
	if kind == CoCitationKind {
		return func(m int32) []int32 { return g.In(int(m)) }
	}
	return func(m int32) []int32 { return []int32{m} }
}

// groupCiters are the records behind a group's node in co-citation: those
// citing a work of the group (group[work], -1 for none), in order.
func groupCiters(g *graph.Directed, group []int32, groups int) func(member int32) []int32 {
	citers := make([][]int32, groups)
	for u := 0; u < g.Order(); u++ {
		for _, v := range g.Out(u) {
			if gr := group[v]; gr >= 0 && (len(citers[gr]) == 0 || citers[gr][len(citers[gr])-1] != int32(u)) {
				citers[gr] = append(citers[gr], int32(u))
			}
		}
	}
	return func(m int32) []int32 { return citers[m] }
}

// groupRecords are the records behind a group's node in the other
// networks: those whose list names the group, in order.
func groupRecords(lists [][]int32, groups int) func(member int32) []int32 {
	recs := make([][]int32, groups)
	for w, l := range lists {
		for _, gr := range l {
			recs[gr] = append(recs[gr], int32(w))
		}
	}
	return func(m int32) []int32 { return recs[m] }
}

// cluster clusters the normalised network with Leiden, and measures
// (silhouette, k-cores) and labels the clusters.
func (r *NetworkResult) cluster() error {
	var err error
	if r.Clusters, err = metrics.Leiden(r.Net.Undirected, r.Options.Leiden); err != nil {
		return err
	}
	r.Silhouette = metrics.Silhouette(r.Raw.Undirected, r.Clusters.Membership, r.Raw.Occurrences)
	r.Core = metrics.CoreNumbers(r.Raw.Undirected)
	if r.Options.LabelTerms > 0 {
		r.labelClusters(r.Options.LabelTerms)
	}
	return nil
}

// checkSize refuses a network of more than opts.MaxLinks links, counted by
// links (graph.CoCitationLinks or CouplingLinks) at the least occurrences
// minOcc, before it is built; nodes says which nodes it would have.
func (opts NetworkOptions) checkSize(g *graph.Directed, links func(*graph.Directed, int, int64) int64, minOcc int, nodes string) error {
	if opts.MaxLinks <= 0 {
		return nil
	}
	if l := links(g, minOcc, opts.MaxLinks); l > opts.MaxLinks {
		return fmt.Errorf("%w: the %s network of the %s would have %d links, and take about %s of memory; "+
			"the limit is %d links (--max-links). Keep fewer nodes with a larger --min-citations, or raise --max-links",
			ErrTooLarge, opts.Kind, nodes, l, memory(l*bytesPerLink), opts.MaxLinks)
	}
	return nil
}

// labelClusters labels each cluster from the titles, keywords and
// abstracts of the records behind its nodes.
func (r *NetworkResult) labelClusters(top int) {
	k := r.Clusters.K()
	in := map[int32]map[int]bool{} // record → clusters
	for v, recs := range r.Records {
		c := r.Clusters.Membership[v]
		if c < 0 {
			continue
		}
		for _, w := range recs {
			if in[w] == nil {
				in[w] = map[int]bool{}
			}
			in[w][c] = true
		}
	}
	var docs [][]string
	var member [][]int
	for i := range r.Corpus.Works {
		w := &r.Corpus.Works[i]
		if !w.InCorpus || w.Record == nil {
			continue
		}
		var cs []int
		for c := range in[int32(i)] {
			cs = append(cs, c)
		}
		slices.Sort(cs)
		docs = append(docs, metrics.Terms([]string{w.Title, w.Record.Abstract}, w.Record.Keywords))
		member = append(member, cs)
	}
	r.LabelsLLR = metrics.ClusterLabelsLLR(docs, member, k, top)
	r.LabelsTF = metrics.ClusterLabelsTFIDF(docs, member, k, top)
}

// Name is the file stem of the network: kind and level, "cocitation_sources",
// and the period of a time slice, "cocitation_sources_2006-2012".
func (r *NetworkResult) Name() string {
	if r.Period != nil {
		return r.Options.Kind + "_" + r.Options.Level + "_" + r.Period.String()
	}
	return r.Options.Kind + "_" + r.Options.Level
}

// NodesHeader documents the columns of the nodes table.
var NodesHeader = []string{"id", "label", "occurrences", "degree", "strength", "normalized_strength", "core", "cluster", "silhouette"}

// NodesTable has one row per node, the strongest first: its id and label,
// occurrences (citations, references or documents; weighted under
// fractional counting), degree (linked nodes), strength (total counted link
// weight), normalized_strength (total normalised weight), core (k-core
// number), cluster (1 = largest; empty when dropped) and silhouette.
func (r *NetworkResult) NodesTable() *export.Table {
	t := &export.Table{Header: NodesHeader}
	order := r.byStrength()
	for _, v := range order {
		m := r.Raw.Members[v]
		vs, _ := r.Raw.Neighbors(v)
		t.Rows = append(t.Rows, []string{
			r.IDs[m], r.Names[m], export.Float(r.Raw.Occurrences[v]), strconv.Itoa(len(vs)),
			export.Float(r.Raw.Strength(v)), export.Float(r.Net.Strength(v)), strconv.Itoa(r.Core[v]),
			clusterName(r.Clusters.Membership[v]), export.Float(r.Silhouette.Node[v]),
		})
	}
	return t
}

func (r *NetworkResult) byStrength() []int {
	order := make([]int, r.Raw.Order())
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(r.Raw.Strength(b), r.Raw.Strength(a)) })
	return order
}

// LinksTable has one row per link, a < b by id, the strongest first: the
// counted weight and the normalised one (Net has Raw's CSR arrays, its
// own weights).
func (r *NetworkResult) LinksTable() *export.Table {
	t := &export.Table{Header: []string{"a", "b", "weight", "normalized"}}
	_, _, norm := r.Net.CSR()
	off, adj, _ := r.Raw.CSR()
	links := strongestFirst(r.Raw.Undirected, func(v int) string { return r.IDs[r.Raw.Members[v]] })
	for l, w := range links.between(0, len(links.links)) {
		pos, _ := slices.BinarySearch(adj[off[l.a]:off[l.a+1]], l.b)
		t.Rows = append(t.Rows, []string{r.IDs[r.Raw.Members[l.a]], r.IDs[r.Raw.Members[l.b]], export.Float(w), export.Float(norm[off[l.a]+int64(pos)])})
	}
	return t
}

// ClustersTable has one row per cluster: size, the clustering's modularity
// and objective value, the cluster's mean silhouette, its strongest nodes
// and its labels by log-likelihood ratio and TF-IDF.
func (r *NetworkResult) ClustersTable() *export.Table {
	t := &export.Table{Header: []string{"cluster", "size", "modularity", "quality", "silhouette", "top_nodes", "labels_llr", "labels_tfidf"}}
	k := r.Clusters.K()
	members := make([][]int, k)
	for _, v := range r.byStrength() {
		if c := r.Clusters.Membership[v]; c >= 0 {
			members[c] = append(members[c], v)
		}
	}
	for c := range k {
		var top []string
		for _, v := range members[c][:min(5, len(members[c]))] {
			top = append(top, r.Names[r.Raw.Members[v]])
		}
		t.Rows = append(t.Rows, []string{
			clusterName(c), strconv.Itoa(len(members[c])), export.Float(r.Clusters.Q), export.Float(r.Clusters.Quality),
			export.Float(r.Silhouette.Cluster[c]), strings.Join(top, "; "), termList(r.LabelsLLR, c), termList(r.LabelsTF, c),
		})
	}
	return t
}

func termList(labels [][]metrics.LabelTerm, c int) string {
	if c >= len(labels) {
		return ""
	}
	var s []string
	for _, t := range labels[c] {
		s = append(s, t.Term)
	}
	return strings.Join(s, "; ")
}

// DistributionTable has the degree and strength distributions: measure
// (degree or strength), value, count (nodes with it) and ccdf (share of
// nodes with at least it).
func (r *NetworkResult) DistributionTable() *export.Table {
	return distributionTable(map[string][]metrics.Bin{
		"degree":   metrics.DegreeDistribution(r.Raw.Undirected),
		"strength": metrics.StrengthDistribution(r.Raw.Undirected),
	})
}

func distributionTable(d map[string][]metrics.Bin) *export.Table {
	t := &export.Table{Header: []string{"measure", "value", "count", "ccdf"}}
	names := make([]string, 0, len(d))
	for k := range d {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		for _, b := range d[k] {
			t.Rows = append(t.Rows, []string{k, export.Float(b.Value), strconv.Itoa(b.Count), export.Float(b.CCDF)})
		}
	}
	return t
}

// DOT draws the network for Graphviz's force-directed layouts, nodes
// coloured by cluster and sized by occurrences, links as wide as their
// counted weight; the DOTMaxEdges strongest links are kept.
func (r *NetworkResult) DOT() *export.DOTGraph {
	kept := strongestLinks(r.Raw.Undirected, nil, r.Options.DOTMaxEdges)
	maxW := 0.0
	for _, e := range kept {
		maxW = math.Max(maxW, e.Weight)
	}
	d := &export.DOTGraph{
		Name: r.Name(),
		Comments: append([]string{fmt.Sprintf("citegraph %s network of %s, %s counting, %s normalisation;",
			r.Options.Kind, r.Options.Level, r.Options.Counting, r.Options.Normalize)}, trimNote(len(kept), r.Raw.Size(), "--dot-max-edges")...),
		Graph:     []export.Attr{{Key: "layout", Value: "sfdp"}, {Key: "overlap", Value: "prism"}, {Key: "outputorder", Value: "edgesfirst"}, {Key: "fontname", Value: "Helvetica"}},
		NodeStyle: []export.Attr{{Key: "shape", Value: "circle"}, {Key: "style", Value: "filled"}, {Key: "fontname", Value: "Helvetica"}, {Key: "fontsize", Value: "10"}},
		EdgeStyle: []export.Attr{{Key: "color", Value: "#88888888"}},
	}
	used := make([]bool, r.Raw.Order())
	for _, e := range kept {
		used[e.Source], used[e.Target] = true, true
	}
	for v := range used {
		if !used[v] {
			continue
		}
		m := r.Raw.Members[v]
		c := r.Clusters.Membership[v]
		d.Nodes = append(d.Nodes, export.DOTNode{ID: r.IDs[m], Attrs: []export.Attr{
			{Key: "label", Value: r.Names[m]},
			{Key: "fillcolor", Value: clusterColor(c)},
			{Key: "width", Value: strconv.FormatFloat(0.3+0.15*math.Sqrt(r.Raw.Occurrences[v]), 'f', 2, 64)},
			{Key: "cluster", Value: clusterName(c)},
		}})
	}
	for _, e := range kept {
		d.Edges = append(d.Edges, export.DOTEdge{From: r.IDs[r.Raw.Members[e.Source]], To: r.IDs[r.Raw.Members[e.Target]], Attrs: []export.Attr{
			{Key: "penwidth", Value: strconv.FormatFloat(0.5+3.5*e.Weight/maxW, 'f', 2, 64)},
			{Key: "weight", Value: export.Float(e.Weight)},
		}})
	}
	return d
}
