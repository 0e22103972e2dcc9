package graph

import (
	"slices"
	"sync"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

var _ gonum.Directed = (*Directed)(nil)

// Directed is an immutable directed graph over nodes 0..n-1 in CSR form,
// with both out- and in-adjacency. Parallel edges are merged; self-loops are
// kept (citation data has a few) and reported by SelfLoops.
type Directed struct {
	outOff []int64
	out    []int32
	inOff  []int64
	in     []int32
}

// Edge is a directed edge between dense node ids.
type Edge struct{ From, To int32 }

// NewDirected builds a graph with n nodes from edges in O(n + E log d), d the
// largest degree. Duplicate edges are merged. It panics if an edge names a node
// outside 0..n-1, which is a programming error.
func NewDirected(n int, edges []Edge) *Directed {
	g := &Directed{}
	if len(edges) < 1<<16 {
		g.outOff, g.out = buildCSR(n, edges, false)
		g.inOff, g.in = buildCSR(n, edges, true)
		return g
	}
	// Two independent passes over many edges: one on each core.
	var wg sync.WaitGroup
	wg.Go(func() { g.outOff, g.out = buildCSR(n, edges, false) })
	g.inOff, g.in = buildCSR(n, edges, true)
	wg.Wait()
	return g
}

// buildCSR counts, places and de-duplicates edges by source (or by target
// when reverse is set), leaving every adjacency list sorted.
func buildCSR(n int, edges []Edge, reverse bool) ([]int64, []int32) {
	off := make([]int64, n+1)
	for _, e := range edges {
		u := e.From
		if reverse {
			u = e.To
		}
		off[u+1]++
	}
	for i := 0; i < n; i++ {
		off[i+1] += off[i]
	}
	adj := make([]int32, len(edges))
	next := slices.Clone(off[:n])
	for _, e := range edges {
		u, v := e.From, e.To
		if reverse {
			u, v = v, u
		}
		adj[next[u]] = v
		next[u]++
	}
	// Sort and compact each row in place, then close the gaps.
	w := int64(0)
	for u := 0; u < n; u++ {
		row := adj[off[u]:off[u+1]]
		slices.Sort(row)
		row = slices.Compact(row)
		off[u] = w
		w += int64(copy(adj[w:], row))
	}
	off[n] = w
	return off, adj[:w:w]
}

// Order is the number of nodes.
func (g *Directed) Order() int { return len(g.outOff) - 1 }

// Size is the number of distinct edges.
func (g *Directed) Size() int { return len(g.out) }

// Out returns the sorted successors of u (the works u cites). The slice must not be modified.
func (g *Directed) Out(u int) []int32 { return g.out[g.outOff[u]:g.outOff[u+1]] }

// In returns the sorted predecessors of v (the works citing v). The slice must not be modified.
func (g *Directed) In(v int) []int32 { return g.in[g.inOff[v]:g.inOff[v+1]] }

// OutDegree is the number of works u cites.
func (g *Directed) OutDegree(u int) int { return int(g.outOff[u+1] - g.outOff[u]) }

// InDegree is the number of works citing v.
func (g *Directed) InDegree(v int) int { return int(g.inOff[v+1] - g.inOff[v]) }

// CSR exposes the out-adjacency arrays for algorithms that iterate them
// directly: the successors of u are adj[off[u]:off[u+1]].
func (g *Directed) CSR() (off []int64, adj []int32) { return g.outOff, g.out }

// ReverseCSR exposes the in-adjacency arrays likewise.
func (g *Directed) ReverseCSR() (off []int64, adj []int32) { return g.inOff, g.in }

// Edges returns every edge in (From, To) order.
func (g *Directed) Edges() []Edge {
	es := make([]Edge, 0, g.Size())
	for u := 0; u < g.Order(); u++ {
		for _, v := range g.Out(u) {
			es = append(es, Edge{int32(u), v})
		}
	}
	return es
}

// SelfLoops returns the nodes that cite themselves.
func (g *Directed) SelfLoops() []int32 {
	var loops []int32
	for u := 0; u < g.Order(); u++ {
		if _, ok := slices.BinarySearch(g.Out(u), int32(u)); ok {
			loops = append(loops, int32(u))
		}
	}
	return loops
}

func (g *Directed) has(id int64) bool { return id >= 0 && id < int64(g.Order()) }

// Node implements gonum's graph.Graph.
func (g *Directed) Node(id int64) gonum.Node {
	if !g.has(id) {
		return nil
	}
	return simple.Node(id)
}

// Nodes implements gonum's graph.Graph.
func (g *Directed) Nodes() gonum.Nodes { return newRange(g.Order()) }

// From implements gonum's graph.Graph: the nodes id cites.
func (g *Directed) From(id int64) gonum.Nodes {
	if !g.has(id) {
		return emptyNodes()
	}
	return newSliceNodes(g.Out(int(id)))
}

// To implements gonum's graph.Directed: the nodes citing id.
func (g *Directed) To(id int64) gonum.Nodes {
	if !g.has(id) {
		return emptyNodes()
	}
	return newSliceNodes(g.In(int(id)))
}

// HasEdgeFromTo implements gonum's graph.Directed.
func (g *Directed) HasEdgeFromTo(uid, vid int64) bool {
	if !g.has(uid) || !g.has(vid) {
		return false
	}
	_, ok := slices.BinarySearch(g.Out(int(uid)), int32(vid))
	return ok
}

// HasEdgeBetween implements gonum's graph.Graph.
func (g *Directed) HasEdgeBetween(xid, yid int64) bool {
	return g.HasEdgeFromTo(xid, yid) || g.HasEdgeFromTo(yid, xid)
}

// Edge implements gonum's graph.Graph.
func (g *Directed) Edge(uid, vid int64) gonum.Edge {
	if !g.HasEdgeFromTo(uid, vid) {
		return nil
	}
	return simple.Edge{F: simple.Node(uid), T: simple.Node(vid)}
}
