package graph

import (
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

var _ gonum.WeightedUndirected = (*Undirected)(nil)

// Undirected is an immutable weighted undirected graph over nodes 0..n-1 in
// CSR form, each edge stored in both rows. It is the shape of every
// projection: co-citation, bibliographic coupling, author co-citation.
type Undirected struct {
	off    []int64
	adj    []int32
	weight []float64
}

// WeightedEdge is an undirected edge with its weight.
type WeightedEdge struct {
	A, B   int32
	Weight float64
}

// NewUndirected builds a graph with n nodes from edges; an edge given twice
// (in either orientation) has its weights summed. Self-loops are dropped.
func NewUndirected(n int, edges []WeightedEdge) *Undirected {
	off := make([]int64, n+1)
	for _, e := range edges {
		if e.A != e.B {
			off[e.A+1]++
			off[e.B+1]++
		}
	}
	for i := 0; i < n; i++ {
		off[i+1] += off[i]
	}
	type arc struct {
		to int32
		w  float64
	}
	arcs := make([]arc, off[n])
	next := slices.Clone(off[:n])
	for _, e := range edges {
		if e.A == e.B {
			continue
		}
		arcs[next[e.A]] = arc{e.B, e.Weight}
		next[e.A]++
		arcs[next[e.B]] = arc{e.A, e.Weight}
		next[e.B]++
	}
	g := &Undirected{off: make([]int64, n+1), adj: make([]int32, 0, len(arcs)), weight: make([]float64, 0, len(arcs))}
	for u := 0; u < n; u++ {
		row := arcs[off[u]:off[u+1]]
		slices.SortFunc(row, func(a, b arc) int { return int(a.to) - int(b.to) })
		for i, a := range row {
			if i > 0 && row[i-1].to == a.to {
				g.weight[len(g.weight)-1] += a.w
				continue
			}
			g.adj = append(g.adj, a.to)
			g.weight = append(g.weight, a.w)
		}
		g.off[u+1] = int64(len(g.adj))
	}
	return g
}

// newUndirectedCSR wraps finished CSR arrays (rows sorted, symmetric).
func newUndirectedCSR(off []int64, adj []int32, weight []float64) *Undirected {
	return &Undirected{off: off, adj: adj, weight: weight}
}

// Order is the number of nodes.
func (g *Undirected) Order() int { return len(g.off) - 1 }

// Size is the number of undirected edges.
func (g *Undirected) Size() int { return len(g.adj) / 2 }

// Neighbors returns the sorted neighbours of u and the weights of the edges
// to them. The slices must not be modified.
func (g *Undirected) Neighbors(u int) ([]int32, []float64) {
	lo, hi := g.off[u], g.off[u+1]
	return g.adj[lo:hi], g.weight[lo:hi]
}

// Strength is the total weight of u's edges.
func (g *Undirected) Strength(u int) float64 {
	s := 0.0
	_, ws := g.Neighbors(u)
	for _, w := range ws {
		s += w
	}
	return s
}

// CSR exposes the adjacency arrays: the neighbours of u are
// adj[off[u]:off[u+1]] with weights weight[off[u]:off[u+1]].
func (g *Undirected) CSR() (off []int64, adj []int32, weight []float64) {
	return g.off, g.adj, g.weight
}

// Edges returns every edge once, with A < B, in (A, B) order.
func (g *Undirected) Edges() []WeightedEdge {
	es := make([]WeightedEdge, 0, g.Size())
	for u := 0; u < g.Order(); u++ {
		vs, ws := g.Neighbors(u)
		for i, v := range vs {
			if int32(u) < v {
				es = append(es, WeightedEdge{int32(u), v, ws[i]})
			}
		}
	}
	return es
}

func (g *Undirected) has(id int64) bool { return id >= 0 && id < int64(g.Order()) }

// Node implements gonum's graph.Graph.
func (g *Undirected) Node(id int64) gonum.Node {
	if !g.has(id) {
		return nil
	}
	return simple.Node(id)
}

// Nodes implements gonum's graph.Graph.
func (g *Undirected) Nodes() gonum.Nodes { return newRange(g.Order()) }

// From implements gonum's graph.Graph.
func (g *Undirected) From(id int64) gonum.Nodes {
	if !g.has(id) {
		return emptyNodes()
	}
	vs, _ := g.Neighbors(int(id))
	return newSliceNodes(vs)
}

// Weight implements gonum's graph.Weighted: the edge weight, 0 for a node
// with itself, and false when there is no edge.
func (g *Undirected) Weight(xid, yid int64) (float64, bool) {
	if !g.has(xid) || !g.has(yid) {
		return 0, false
	}
	if xid == yid {
		return 0, true
	}
	vs, ws := g.Neighbors(int(xid))
	if i, ok := slices.BinarySearch(vs, int32(yid)); ok {
		return ws[i], true
	}
	return 0, false
}

// HasEdgeBetween implements gonum's graph.Graph.
func (g *Undirected) HasEdgeBetween(xid, yid int64) bool {
	_, ok := g.Weight(xid, yid)
	return ok && xid != yid
}

// Edge implements gonum's graph.Graph.
func (g *Undirected) Edge(uid, vid int64) gonum.Edge { return g.WeightedEdgeBetween(uid, vid) }

// EdgeBetween implements gonum's graph.Undirected.
func (g *Undirected) EdgeBetween(xid, yid int64) gonum.Edge { return g.WeightedEdgeBetween(xid, yid) }

// WeightedEdge implements gonum's graph.Weighted.
func (g *Undirected) WeightedEdge(uid, vid int64) gonum.WeightedEdge {
	return g.WeightedEdgeBetween(uid, vid)
}

// WeightedEdgeBetween implements gonum's graph.WeightedUndirected.
func (g *Undirected) WeightedEdgeBetween(xid, yid int64) gonum.WeightedEdge {
	w, ok := g.Weight(xid, yid)
	if !ok || xid == yid {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(xid), T: simple.Node(yid), W: w}
}
