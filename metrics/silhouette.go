package metrics

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/citegraph/citegraph/graph"
)

// SilhouetteResult holds the silhouettes of a clustering.
type SilhouetteResult struct {
	Node    []float64 // s(i) per node; 0 for nodes unclustered (−1) or alone in their cluster
	Cluster []float64 // mean s(i) over each cluster's members
	Mean    float64   // mean s(i) over the clustered nodes
}

// Silhouette computes Rousseeuw's silhouettes (1987, "Silhouettes: a
// graphical aid to the interpretation and validation of cluster analysis",
// doi:10.1016/0377-0427(87)90125-7) of the partition membership of g,
// the measure CiteSpace reports beside modularity for co-citation clusters:
//
//	s(i) = (b(i) − a(i)) / max(a(i), b(i)),
//
// a(i) the mean distance from i to the other members of its cluster, b(i)
// the smallest mean distance from i to the members of another cluster;
// s(i) = 0 when i is alone in its cluster (Rousseeuw's convention) or there
// is no other cluster.
//
// The distance between two nodes derives from the network: d(i,j) = 1 −
// cos(x_i, x_j), the cosine dissimilarity of their link profiles, x_i being
// row i of the weight matrix with diag[i] on the diagonal — the profile
// comparison of author co-citation analysis (McCain 1990, J. Am. Soc. Inf.
// Sci. 41(6):433–443; Ahlgren, Jarneving & Rousseau 2003, J. Am. Soc. Inf.
// Sci. Technol. 54(6):550–560). Pass the nodes'
// occurrence counts as diag (citations of a co-cited work, documents of an
// author: the diagonal of the co-occurrence matrix); nil puts each node's
// largest link weight there, the least its occurrence count can be
// (c_i ≥ c_ij). Nodes linked to each other or to the same nodes are near;
// nodes sharing nothing are at distance 1.
//
// Sums of cosines over a cluster are dot products with the cluster's sum of
// unit profiles, so the cost is that of a pass over each node's neighbours'
// clusters, not quadratic in the number of nodes. Nodes labelled −1 take no
// part. It panics if membership does not have one label per node.
func Silhouette(g *graph.Undirected, membership []int, diag []float64) SilhouetteResult {
	n := g.Order()
	if len(membership) != n || diag != nil && len(diag) != n {
		panic(fmt.Sprintf("metrics: silhouette of %d nodes given %d labels and %d diagonal entries", n, len(membership), len(diag)))
	}
	off, adj, w := g.CSR()
	k := 0
	for _, c := range membership {
		k = max(k, c+1)
	}
	size := make([]int, k)
	for _, c := range membership {
		if c >= 0 {
			size[c]++
		}
	}
	// Unit profile of each node: entries w/|x| on its neighbours, d/|x| on itself.
	self := make([]float64, n)
	inv := make([]float64, n)
	for u := 0; u < n; u++ {
		top, sq := 0.0, 0.0
		for _, x := range w[off[u]:off[u+1]] {
			top = max(top, x)
			sq += x * x
		}
		d := top
		if diag != nil {
			d = diag[u]
		}
		sq += d * d
		self[u] = d
		if sq > 0 {
			inv[u] = 1 / math.Sqrt(sq)
		}
	}
	// col[v] lists, per cluster C, S_C[v] = Σ_{j∈C} x_j[v]/|x_j|, over the j
	// whose profile has v: v's neighbours and v itself.
	colOff := make([]int64, n+1)
	var colC []int32
	var colV []float64
	acc := make([]float64, k)
	mark := make([]bool, k)
	var touched []int32
	add := func(c int, x float64) {
		if c < 0 || x == 0 {
			return
		}
		if !mark[c] {
			mark[c] = true
			touched = append(touched, int32(c))
		}
		acc[c] += x
	}
	for v := 0; v < n; v++ {
		add(membership[v], self[v]*inv[v])
		for e := off[v]; e < off[v+1]; e++ {
			j := adj[e]
			add(membership[j], w[e]*inv[j])
		}
		for _, c := range touched {
			colC = append(colC, c)
			colV = append(colV, acc[c])
			acc[c], mark[c] = 0, false
		}
		touched = touched[:0]
		colOff[v+1] = int64(len(colC))
	}

	res := SilhouetteResult{Node: make([]float64, n), Cluster: make([]float64, k)}
	clusters := 0
	for _, s := range size {
		if s > 0 {
			clusters++
		}
	}
	if clusters < 2 {
		return res
	}
	// For node i, Σ_{j∈C} cos(x_i, x_j) = Σ_v x_i[v]/|x_i| · S_C[v].
	silhouette := func(i int, acc []float64, mark []bool, touched []int32) []int32 {
		ci := membership[i]
		if ci < 0 || size[ci] < 2 {
			return touched
		}
		visit := func(v int, x float64) {
			for e := colOff[v]; e < colOff[v+1]; e++ {
				c := colC[e]
				if !mark[c] {
					mark[c] = true
					touched = append(touched, c)
				}
				acc[c] += x * colV[e]
			}
		}
		visit(i, self[i]*inv[i])
		for e := off[i]; e < off[i+1]; e++ {
			visit(int(adj[e]), w[e]*inv[i])
		}
		selfCos := 0.0
		if inv[i] > 0 {
			selfCos = 1 // cos(x_i, x_i), counted in acc[ci]
		}
		a := 1 - (acc[ci]-selfCos)/float64(size[ci]-1)
		b := math.Inf(1)
		reached := 0
		for _, c := range touched {
			if int(c) != ci {
				reached++
				b = min(b, 1-acc[c]/float64(size[c]))
			}
			acc[c], mark[c] = 0, false
		}
		if reached < clusters-1 {
			b = min(b, 1) // a cluster sharing nothing with i
		}
		a = max(a, 0) // round-off
		if m := max(a, b); m > 0 {
			res.Node[i] = (b - a) / m
		}
		return touched[:0]
	}
	workers := runtime.GOMAXPROCS(0)
	if n < 4096 || workers < 2 {
		touched = touched[:0]
		for i := 0; i < n; i++ {
			touched = silhouette(i, acc, mark, touched)
		}
	} else {
		var wg sync.WaitGroup
		chunk := (n + workers - 1) / workers
		for lo := 0; lo < n; lo += chunk {
			hi := min(lo+chunk, n)
			wg.Go(func() {
				acc := make([]float64, k)
				mark := make([]bool, k)
				var touched []int32
				for i := lo; i < hi; i++ {
					touched = silhouette(i, acc, mark, touched)
				}
			})
		}
		wg.Wait()
	}
	sum, count := 0.0, 0
	for i, c := range membership {
		if c >= 0 {
			res.Cluster[c] += res.Node[i]
			sum += res.Node[i]
			count++
		}
	}
	for c := range res.Cluster {
		if size[c] > 0 {
			res.Cluster[c] /= float64(size[c])
		}
	}
	if count > 0 {
		res.Mean = sum / float64(count)
	}
	return res
}
