package analysis

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// NodesHeaderSQL and LinksHeaderSQL are the columns of the nodes and links
// tables NetworkSQL writes and ImportNetwork reads.
var (
	NodesHeaderSQL = []string{"id", "occurrences"}
	LinksHeaderSQL = []string{"a", "b", "weight", "normalized"}
)

// ImportNetwork reads a network that an engine built from the Parquet
// tables in dir (NetworkSQL's nodes and links tables, at nodesPath and
// linksPath: files or folders of part files) and clusters, measures and
// labels it as BuildNetwork does, so that every output of a network
// command can be made of it. opts names the network (Kind, Level) and
// says how it was counted and normalised; its thresholds were the
// engine's and are not applied again. Without a normalized column the
// links are normalised here by opts.Normalize.
//
// The corpus is what the tables in dir hold: works.parquet (id, label,
// title, year, source, in_corpus), citations.parquet, and authorships or
// work_sources for the author and source levels. Node ids are work ids,
// author keys or source keys; nodes are numbered as BuildNetwork numbers
// them, so that a network equal to citegraph's clusters the same. Cluster
// labels come from the titles of the records behind each node (the tables
// keep no abstracts or keywords).
func ImportNetwork(dir, nodesPath, linksPath string, opts NetworkOptions) (*NetworkResult, error) {
	if _, ok := sqlIncidences[[2]string{opts.Kind, opts.Level}]; !ok {
		return nil, fmt.Errorf("%w for the %s network of %s: import-links reads co-citation and coupling networks of documents, authors and sources", ErrNoSQL, opts.Kind, opts.Level)
	}
	c, err := corpusFromTables(dir)
	if err != nil {
		return nil, err
	}
	r := &NetworkResult{Corpus: c, Options: opts}
	g := c.Citations
	member := map[string]int32{} // node id → member
	var memberRecords func(int32) []int32
	if opts.Level == DocumentLevel {
		r.Names, r.IDs = graph.WorkNames(c)
		for i, id := range r.IDs {
			member[id] = int32(i)
		}
		memberRecords = documentRecords(g, opts.Kind)
	} else {
		var keys []string
		var lists [][]int32
		if lists, keys, r.Names, err = tableGroups(dir, c, opts.Kind, opts.Level); err != nil {
			return nil, err
		}
		for gr, k := range keys {
			member[k] = int32(gr)
		}
		r.IDs = uniqueIDs(r.Names)
		if opts.Kind == CoCitationKind {
			group := make([]int32, len(lists))
			for w, l := range lists {
				group[w] = -1
				if len(l) > 0 {
					group[w] = l[0]
				}
			}
			memberRecords = groupCiters(g, group, len(keys))
		} else {
			memberRecords = groupRecords(lists, len(keys))
		}
	}
	if r.Raw, r.Net, err = readNetwork(nodesPath, linksPath, member, opts); err != nil {
		return nil, err
	}
	r.Records = make([][]int32, r.Raw.Order())
	for v, m := range r.Raw.Members {
		r.Records[v] = memberRecords(m)
	}
	return r, r.cluster()
}

// readNetwork reads the nodes and links tables into the counted and
// normalised networks, nodes in the order of their members.
func readNetwork(nodesPath, linksPath string, member map[string]int32, opts NetworkOptions) (raw, net *graph.Network, err error) {
	nodes, err := export.ReadParquet(nodesPath, NodesHeaderSQL, 2)
	if err != nil {
		return nil, nil, err
	}
	type node struct {
		member int32
		occ    float64
	}
	ns := make([]node, len(nodes.Rows))
	for i, row := range nodes.Rows {
		m, ok := member[row[0]]
		if !ok {
			return nil, nil, fmt.Errorf("%s: node %q is not in the tables", nodesPath, row[0])
		}
		if ns[i].occ, err = strconv.ParseFloat(row[1], 64); err != nil {
			return nil, nil, fmt.Errorf("%s: node %q: occurrences %q", nodesPath, row[0], row[1])
		}
		ns[i].member = m
	}
	slices.SortFunc(ns, func(x, y node) int { return cmp.Compare(x.member, y.member) })
	index := make(map[string]int32, len(ns))
	raw = &graph.Network{Projection: &graph.Projection{}, Counting: opts.Counting}
	for i, nd := range ns {
		if i > 0 && ns[i-1].member == nd.member {
			return nil, nil, fmt.Errorf("%s: a node appears twice", nodesPath)
		}
		raw.Members = append(raw.Members, nd.member)
		raw.Occurrences = append(raw.Occurrences, nd.occ)
	}
	for id, m := range member {
		if i, ok := slices.BinarySearchFunc(ns, m, func(nd node, m int32) int { return cmp.Compare(nd.member, m) }); ok {
			index[id] = int32(i)
		}
	}
	// The links are read a row at a time: as text they take several times
	// the memory of the network.
	var counted, normalized []graph.WeightedEdge
	hasNormalized, first := false, true
	err = export.ScanParquet(linksPath, LinksHeaderSQL, 3, func(row []string) error {
		if first {
			hasNormalized, first = row[3] != "", false
		}
		a, okA := index[row[0]]
		b, okB := index[row[1]]
		if !okA || !okB || a == b {
			return fmt.Errorf("%s: link %q–%q does not join two nodes of %s", linksPath, row[0], row[1], nodesPath)
		}
		w, err := strconv.ParseFloat(row[2], 64)
		if err != nil {
			return fmt.Errorf("%s: link %q–%q: weight %q", linksPath, row[0], row[1], row[2])
		}
		counted = append(counted, graph.WeightedEdge{A: a, B: b, Weight: w})
		if hasNormalized {
			nw, err := strconv.ParseFloat(row[3], 64)
			if err != nil {
				return fmt.Errorf("%s: link %q–%q: normalized %q", linksPath, row[0], row[1], row[3])
			}
			normalized = append(normalized, graph.WeightedEdge{A: a, B: b, Weight: nw})
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	raw.Undirected = graph.NewUndirected(len(ns), counted)
	if raw.Size() != len(counted) {
		return nil, nil, fmt.Errorf("%s: a link appears twice", linksPath)
	}
	if !hasNormalized {
		return raw, raw.Normalize(opts.Normalize), nil
	}
	net = &graph.Network{Projection: &graph.Projection{Undirected: graph.NewUndirected(len(ns), normalized), Members: raw.Members},
		Occurrences: raw.Occurrences, Counting: opts.Counting}
	return raw, net, nil
}

// corpusFromTables makes the corpus of works.parquet and citations.parquet:
// each work with its label, title, year and source, the records of the
// corpus marked, and the citation graph. A work that citations.parquet
// alone names is a work labelled by its id.
func corpusFromTables(dir string) (*graph.Corpus, error) {
	works, err := export.ReadParquet(filepath.Join(dir, "works.parquet"), []string{"id", "label", "title", "year", "source", "in_corpus"}, 1)
	if err != nil {
		return nil, err
	}
	cites, err := export.ReadParquet(filepath.Join(dir, "citations.parquet"), []string{"citing", "cited"}, 2)
	if err != nil {
		return nil, err
	}
	c := &graph.Corpus{}
	index := map[string]int32{}
	work := func(id string) int32 {
		i, ok := index[id]
		if !ok {
			i = int32(len(c.Works))
			index[id] = i
			c.Works = append(c.Works, resolve.Work{ID: id, Label: id})
		}
		return i
	}
	for _, row := range works.Rows {
		w := &c.Works[work(row[0])]
		year, _ := strconv.Atoi(row[3])
		w.Work = bib.Work{Title: row[2], Year: year, Container: row[4]}
		if row[1] != "" {
			w.Label = row[1]
		}
		if w.InCorpus = row[5] == "true"; w.InCorpus {
			w.Record = &bib.Record{ID: w.ID, Work: w.Work}
		}
	}
	edges := make([]graph.Edge, len(cites.Rows))
	for i, row := range cites.Rows {
		edges[i] = graph.Edge{From: work(row[0]), To: work(row[1])}
	}
	c.Citations = graph.NewDirected(len(c.Works), edges)
	return c, nil
}

// tableGroups reads the groups of a level from authorships.parquet or
// work_sources.parquet and numbers them as graph.AuthorGroups and
// SourceGroups (co-citation: the first author or the source of every work)
// or graph.RecordAuthors and RecordSources (coupling: those of the corpus
// records) do: lists[w] holds work w's groups, keys and names each group's
// key and display name, from the first row naming it.
func tableGroups(dir string, c *graph.Corpus, kind, level string) (lists [][]int32, keys, names []string, err error) {
	inc := sqlIncidences[[2]string{kind, level}]
	path := filepath.Join(dir, inc.group+".parquet")
	header := map[string][]string{"authorships": AuthorshipsHeader, "work_sources": WorkSourcesHeader}[inc.group]
	t, err := export.ReadParquet(path, header, len(header))
	if err != nil {
		return nil, nil, nil, err
	}
	ids := make(map[string]int32, len(c.Works))
	for i := range c.Works {
		ids[c.Works[i].ID] = int32(i)
	}
	key, name := len(header)-1, len(header)-2 // the key and name columns are the last two
	lists = make([][]int32, len(c.Works))
	index := map[string]int32{}
	for _, row := range t.Rows {
		w, ok := ids[row[0]]
		if !ok {
			return nil, nil, nil, fmt.Errorf("%s: work %q is not in works.parquet", path, row[0])
		}
		if inc.firstAuthor && row[1] != "1" || kind == CouplingKind && !c.Works[w].InCorpus || row[key] == "" {
			continue
		}
		gr, ok := index[row[key]]
		if !ok {
			gr = int32(len(keys))
			index[row[key]] = gr
			keys = append(keys, row[key])
			names = append(names, row[name])
		}
		if !slices.Contains(lists[w], gr) {
			lists[w] = append(lists[w], gr)
		}
	}
	return lists, keys, names, nil
}

// NetworkFromLinksPath names the network a links table holds and the
// nodes table beside it, from the links table's name, KIND_LEVEL_links
// (.parquet for a file), as NetworkSQL names them; ok is false for another
// name. nodesPath is "" when there is no nodes table beside it.
func NetworkFromLinksPath(linksPath string) (kind, level, nodesPath string, ok bool) {
	dir, base := filepath.Split(filepath.Clean(linksPath))
	ext := filepath.Ext(base)
	for k := range sqlIncidences {
		if base == k[0]+"_"+k[1]+"_links"+ext {
			nodesPath = filepath.Join(dir, k[0]+"_"+k[1]+"_nodes"+ext)
			if _, err := os.Stat(nodesPath); err != nil {
				nodesPath = ""
			}
			return k[0], k[1], nodesPath, true
		}
	}
	return "", "", "", false
}
