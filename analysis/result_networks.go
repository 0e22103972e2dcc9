package analysis

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// network builds one of the networks straight from the analysis, by node
// number rather than by id: the same network as Tables.Network builds from
// the tables written, without the tables. With drawn > 0 the co-citation
// networks keep only their Backbone of drawn links, picked from the CSR
// arrays.
func (r *Result) network(name string, drawn int) (*export.Network, error) {
	n, err := newNetwork(name)
	if err != nil {
		return nil, err
	}
	switch name {
	case CitationsNetwork:
		g := r.Corpus.Citations
		n.Columns = Columns(WorksHeader)
		for i := range r.Corpus.Works {
			n.Nodes = append(n.Nodes, r.workNode(i))
		}
		for u := 0; u < g.Order(); u++ {
			for _, v := range g.Out(u) {
				n.Links = append(n.Links, export.Link{Source: u, Target: int(v), Weight: 1})
			}
		}
	case CoCitationNetwork:
		// Members are in work order, as works.csv is.
		n.Columns = Columns(WorksHeader)
		for _, w := range r.CoCitation.Members {
			n.Nodes = append(n.Nodes, r.workNode(int(w)))
		}
		n.Links = backboneLinks(r.CoCitation.Undirected, nil, drawn)
		n.LinkTotal = r.CoCitation.Size()
	case AuthorCoCitationNetwork:
		// Nodes in the order of authors.csv.
		authors := r.AuthorsTable()
		n.Columns = Columns(authors.Header)
		node := make(map[string]int, r.AuthorCoCitation.Order())
		for v, a := range r.AuthorCoCitation.Members {
			node[r.AuthorNames[a]] = v
		}
		index := make([]int, r.AuthorCoCitation.Order())
		for _, row := range authors.Rows {
			v, ok := node[row[0]]
			if !ok {
				continue
			}
			index[v] = len(n.Nodes)
			nd := export.Node{ID: row[0], Label: row[0], Values: row}
			nd.Cluster, _ = strconv.Atoi(row[3])
			nd.Weight, _ = strconv.ParseFloat(row[2], 64)
			n.Nodes = append(n.Nodes, nd)
		}
		n.Links = backboneLinks(r.AuthorCoCitation.Undirected, index, drawn)
		n.LinkTotal = r.AuthorCoCitation.Size()
	}
	return n, nil
}

// workNode is work i as a network node carrying its works.csv row.
func (r *Result) workNode(i int) export.Node {
	row := r.workRow(i, make([]string, 0, len(WorksHeader)))
	return export.Node{ID: row[0], Label: row[1], Values: row,
		Cluster: r.WorkCluster[i] + 1, Weight: float64(r.Corpus.Citations.InDegree(i))}
}

// projectionLinks are the links of g between network nodes index[a] and
// index[b] (a and b themselves when index is nil), the lower first, in
// node order.
func projectionLinks(g *graph.Undirected, index []int) []export.Link {
	at := func(v int32) int {
		if index == nil {
			return int(v)
		}
		return index[v]
	}
	off, adj, weight := g.CSR()
	links := make([]export.Link, 0, g.Size())
	for a := 0; a < g.Order(); a++ {
		for e := off[a]; e < off[a+1]; e++ {
			if b := adj[e]; int32(a) < b {
				s, d := at(int32(a)), at(b)
				links = append(links, export.Link{Source: min(s, d), Target: max(s, d), Weight: weight[e]})
			}
		}
	}
	if index != nil {
		slices.SortFunc(links, func(x, y export.Link) int {
			return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target))
		})
	}
	return links
}

// coCitationMap is map.html: the co-citation network n with, for each
// work, the records citing it, listed in order of their first citation of
// a work of the map.
func (r *Result) coCitationMap(n *export.Network, opt ExportOptions) *export.HTMLMap {
	g := r.Corpus.Citations
	m := newCoCitationMap(n, opt)
	node := make([]int32, g.Order())
	for i := range node {
		node[i] = -1
	}
	for v, w := range r.CoCitation.Members {
		node[w] = int32(v)
	}
	for u := 0; u < g.Order(); u++ {
		rec := -1
		for _, v := range g.Out(u) {
			if node[v] < 0 {
				continue
			}
			if rec < 0 {
				rec = len(m.Records)
				w := &r.Corpus.Works[u]
				m.Records = append(m.Records, export.MapRecord{ID: w.ID, Label: w.Label, Title: w.Title})
			}
			m.CitedBy[node[v]] = append(m.CitedBy[node[v]], rec)
		}
	}
	m.Note = mapNote(m, opt, r.MinCitations)
	return m
}
