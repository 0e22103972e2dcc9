package metrics

import (
	"cmp"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// TreeOfScienceOptions bound the Tree of Science's parts; the defaults are
// python-bibx's (Sap in bibx/algorithms/sap.py).
type TreeOfScienceOptions struct {
	MaxRoots, MaxTrunk, MaxLeaves int
	// MinLeafConnections is the least number of paths from a leaf to the
	// roots; MaxLeafAge the most years a leaf may be older than the newest.
	MinLeafConnections, MaxLeafAge int
}

// DefaultTreeOfScienceOptions are 20 roots, 20 trunk works, 50 leaves of at
// least 3 paths to the roots and at most 7 years older than the newest.
func DefaultTreeOfScienceOptions() TreeOfScienceOptions {
	return TreeOfScienceOptions{MaxRoots: 20, MaxTrunk: 20, MaxLeaves: 50, MinLeafConnections: 3, MaxLeafAge: 7}
}

// TreeOfScienceResult holds the roles of the works, indexed like the
// graph's nodes. A role's score is 0 for works without that role; works
// outside the cleaned graph (Kept false) have none.
type TreeOfScienceResult struct {
	Kept []bool
	// Root is a root's in-degree, Leaf a leaf's number of paths to the
	// roots, Trunk a trunk work's SAP.
	Root, Leaf, Trunk []float64
	// SAP = LeafConnections·RawSAP + RootConnections·ElaborateSAP for
	// every kept work (see TreeOfScience).
	SAP, RawSAP, RootConnections, ElaborateSAP, LeafConnections []float64
	// LeafFallback reports that the leaf filters (connections, age) left no
	// leaf, so every uncited work was a candidate, as python-bibx does.
	LeafFallback bool
}

// TreeOfScience assigns the roles of the Tree of Science (Valencia-Hernández,
// Robledo, Pinilla, Duque-Méndez & Olmedo-Ortiz 2020, "SAP algorithm for
// citation analysis: an improvement to Tree of Science", Ingeniería e
// Investigación 40(1):45–49, doi:10.15446/ing.investig.v40n1.77718; Robledo,
// Osorio & López 2014, "Networking en pequeña empresa: una revisión
// bibliográfica utilizando la teoría de grafos", Revista Vínculos
// 11(2):6–16), as python-bibx (github.com/coreofscience/python-bibx, MIT;
// read, not copied) computes them on the citation graph g (u → v: u cites
// v; year per node, 0 for unknown):
//
//  1. clean: drop self-citations; keep the largest weakly connected
//     component (the first found, in node order, on ties); drop the works
//     cited once that cite nothing; drop every citation between works of
//     one strongly connected component (breaking citation loops);
//  2. roots: works citing nothing, the MaxRoots most cited (score: their
//     in-degree);
//  3. leaves: uncited works with at least MinLeafConnections paths to the
//     roots and a year no more than MaxLeafAge before the newest such
//     leaf's, the MaxLeaves with most paths (score: the number of paths);
//     when the filters leave none, every uncited work is a candidate;
//  4. SAP: RawSAP(v) sums the root scores reached from v over all paths
//     and RootConnections(v) counts those paths; ElaborateSAP(v) sums the
//     leaf scores of the paths reaching v and LeafConnections(v) counts
//     them; SAP(v) = LeafConnections(v)·RawSAP(v) + RootConnections(v)·ElaborateSAP(v);
//  5. trunk: the MaxTrunk works of largest SAP that are neither root nor leaf.
//
// Ties go to the work first in node order (python-bibx keeps the graph's
// insertion order). Path counts are float64, exact up to 2^53.
func TreeOfScience(g *graph.Directed, year []int, opts TreeOfScienceOptions) *TreeOfScienceResult {
	r := newTreeOfScienceResult(g.Order())
	r.roles(r.clean(g), year, opts)
	return r
}

func newTreeOfScienceResult(n int) *TreeOfScienceResult {
	return &TreeOfScienceResult{Kept: make([]bool, n), Root: make([]float64, n), Leaf: make([]float64, n), Trunk: make([]float64, n),
		SAP: make([]float64, n), RawSAP: make([]float64, n), RootConnections: make([]float64, n),
		ElaborateSAP: make([]float64, n), LeafConnections: make([]float64, n)}
}

// roles assigns the roles on the cleaned graph dag (steps 2 to 5), over
// the nodes marked Kept.
func (r *TreeOfScienceResult) roles(dag *graph.Directed, year []int, opts TreeOfScienceOptions) {
	n := dag.Order()
	comp, _ := sccTopo(dag) // cited works before the works citing them
	order := make([]int, 0, n)
	for v := range n {
		if r.Kept[v] {
			order = append(order, v)
		}
	}
	bottomUp := slices.Clone(order)
	slices.SortStableFunc(bottomUp, func(a, b int) int { return cmp.Compare(comp[a], comp[b]) })

	// Roots.
	var cands []int
	for _, v := range order {
		if dag.OutDegree(v) == 0 {
			cands = append(cands, v)
		}
	}
	for _, v := range top(cands, opts.MaxRoots, func(v int) float64 { return float64(dag.InDegree(v)) }) {
		r.Root[v] = float64(dag.InDegree(v))
	}
	// Paths to the roots, and the roots' scores summed over them.
	pathSums(bottomUp, dag.Out, r.Root, r.RawSAP, r.RootConnections)
	// Leaves.
	var uncited, leaves []int
	newest := 0
	for _, v := range order {
		if dag.InDegree(v) != 0 {
			continue
		}
		uncited = append(uncited, v)
		if r.RootConnections[v] >= float64(opts.MinLeafConnections) && year[v] != 0 {
			leaves = append(leaves, v)
			newest = max(newest, year[v])
		}
	}
	leaves = slices.DeleteFunc(leaves, func(v int) bool { return year[v] < newest-opts.MaxLeafAge })
	if len(leaves) == 0 {
		leaves, r.LeafFallback = uncited, true
	}
	for _, v := range top(leaves, opts.MaxLeaves, func(v int) float64 { return r.RootConnections[v] }) {
		r.Leaf[v] = r.RootConnections[v]
	}
	// Paths from the leaves, and the leaves' scores summed over them.
	slices.Reverse(bottomUp)
	pathSums(bottomUp, dag.In, r.Leaf, r.ElaborateSAP, r.LeafConnections)
	cands = cands[:0]
	for _, v := range order {
		r.SAP[v] = r.LeafConnections[v]*r.RawSAP[v] + r.RootConnections[v]*r.ElaborateSAP[v]
		if r.Root[v] == 0 && r.Leaf[v] == 0 && r.SAP[v] > 0 {
			cands = append(cands, v)
		}
	}
	for _, v := range top(cands, opts.MaxTrunk, func(v int) float64 { return r.SAP[v] }) {
		r.Trunk[v] = r.SAP[v]
	}
}

// pathSums counts, for every node in order, the paths from it to the
// seeds (nodes of positive seed score) along next, and sums the seeds'
// scores over those paths: a seed has its score over 1 path, any other node
// the sums of the nodes next of it, which order puts first.
func pathSums(order []int, next func(int) []int32, seed, sum, paths []float64) {
	for _, v := range order {
		if seed[v] > 0 {
			sum[v], paths[v] = seed[v], 1
			continue
		}
		for _, w := range next(v) {
			sum[v] += sum[w]
			paths[v] += paths[w]
		}
	}
}

// clean marks the works of the cleaned graph in r.Kept and returns it:
// without self-citations, the largest weakly connected component, without
// works cited once and citing nothing, without citations inside strongly
// connected components.
func (r *TreeOfScienceResult) clean(g *graph.Directed) *graph.Directed {
	n := g.Order()
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for u := range n {
		for _, v := range g.Out(u) {
			if a, b := find(int32(u)), find(v); a != b {
				parent[max(a, b)] = min(a, b)
			}
		}
	}
	size := make([]int, n)
	best := int32(-1)
	for v := range n {
		c := find(int32(v))
		size[c]++
		if best < 0 || size[c] > size[best] || size[c] == size[best] && c < best {
			best = c
		}
	}
	for v := range n {
		r.Kept[v] = n > 0 && find(int32(v)) == best
	}
	in, out := make([]int, n), make([]int, n)
	for u := range n {
		for _, v := range g.Out(u) {
			if int(v) != u && r.Kept[u] {
				out[u]++
				in[v]++
			}
		}
	}
	for v := range n {
		if r.Kept[v] && in[v] == 1 && out[v] == 0 {
			r.Kept[v] = false
		}
	}
	var edges []graph.Edge
	for u := range n {
		for _, v := range g.Out(u) {
			if int(v) != u && r.Kept[u] && r.Kept[v] {
				edges = append(edges, graph.Edge{From: int32(u), To: v})
			}
		}
	}
	kept := graph.NewDirected(n, edges)
	comp, _ := sccTopo(kept)
	edges = slices.DeleteFunc(edges, func(e graph.Edge) bool { return comp[e.From] == comp[e.To] })
	return graph.NewDirected(n, edges)
}

// top returns the k candidates of largest score, stably (ties in the
// candidates' order), leaving out candidates of score 0 as python-bibx's
// roles do.
func top(cands []int, k int, score func(int) float64) []int {
	s := slices.Clone(cands)
	slices.SortStableFunc(s, func(a, b int) int { return cmp.Compare(score(b), score(a)) })
	if k >= 0 && len(s) > k {
		s = s[:k]
	}
	return slices.DeleteFunc(s, func(v int) bool { return score(v) == 0 })
}
