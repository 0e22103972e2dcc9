package analysis

import (
	"cmp"
	"iter"
	"maps"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// link is one link of an undirected CSR graph: its ends a and b (nodes),
// and the position of b in a's row, where its weight is.
type link struct {
	a, b int32
	at   int64
}

// strongestFirst yields every link of g once, the heaviest first, links of
// equal weight in the order of their ends' names: a before b by name, then
// by a's name and b's. It orders the tables of links (cocitation.csv and
// the others) without holding a name per link: the nodes are ranked by
// name once, each link is then 8 bytes in a bucket of its weight, and the
// buckets are filled walking the nodes in that rank, so no comparison
// sort over the links is needed. name must give distinct nodes distinct
// names.
func strongestFirst(g *graph.Undirected, name func(node int) string) iter.Seq[link] {
	return func(yield func(link) bool) {
		n := g.Order()
		off, adj, weight := g.CSR()
		byName := make([]int32, n)
		for i := range byName {
			byName[i] = int32(i)
		}
		slices.SortFunc(byName, func(x, y int32) int { return cmp.Compare(name(int(x)), name(int(y))) })
		rank := make([]int32, n)
		for i, v := range byName {
			rank[v] = int32(i)
		}
		// The distinct weights, heaviest first, and where each one's
		// bucket starts.
		perWeight := map[float64]int64{}
		for u := 0; u < n; u++ {
			for e := off[u]; e < off[u+1]; e++ {
				if rank[u] < rank[adj[e]] {
					perWeight[weight[e]]++
				}
			}
		}
		weights := slices.SortedFunc(maps.Keys(perWeight), func(x, y float64) int { return cmp.Compare(y, x) })
		next := make(map[float64]int64, len(weights))
		start := int64(0)
		for _, w := range weights {
			next[w] = start
			start += perWeight[w]
		}
		// Each bucket gets its links in order of a's rank, then b's.
		type end struct {
			a, pos int32 // a, and b's position in a's row
		}
		ends := make([]end, start)
		var row []int32
		for _, a := range byName {
			row = row[:0]
			for e := off[a]; e < off[a+1]; e++ {
				if rank[a] < rank[adj[e]] {
					row = append(row, int32(e-off[a]))
				}
			}
			slices.SortFunc(row, func(x, y int32) int { return cmp.Compare(rank[adj[off[a]+int64(x)]], rank[adj[off[a]+int64(y)]]) })
			for _, pos := range row {
				w := weight[off[a]+int64(pos)]
				ends[next[w]] = end{a, pos}
				next[w]++
			}
		}
		for _, l := range ends {
			at := off[l.a] + int64(l.pos)
			if !yield(link{l.a, adj[at], at}) {
				return
			}
		}
	}
}
