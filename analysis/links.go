package analysis

import (
	"cmp"
	"iter"
	"maps"
	"math"
	"math/bits"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// link is one link of an undirected graph, by its ends.
type link struct {
	a, b int32
}

// orderedLinks are the links of a graph in an order, with their weights
// given by runs: links[ends[k−1]:ends[k]] (from 0 for k = 0) weigh
// weights[k]. Reading each link's weight from the graph's arrays instead
// would miss the cache on nearly every link of a large table.
type orderedLinks struct {
	links   []link
	ends    []int
	weights []float64
}

// between yields the links lo..hi−1 with their weights.
func (o orderedLinks) between(lo, hi int) iter.Seq2[link, float64] {
	return func(yield func(link, float64) bool) {
		k, _ := slices.BinarySearch(o.ends, lo+1) // the first run ending after lo
		for i := lo; i < hi; i++ {
			for o.ends[k] <= i {
				k++
			}
			if !yield(o.links[i], o.weights[k]) {
				return
			}
		}
	}
}

// strongestFirst lists every link of g once, the heaviest first, links of
// equal weight in the order of their ends' names: a before b by name, then
// by a's name and b's. It orders the tables of links (cocitation.csv and
// the others) without holding a name per link: the nodes are ranked by
// name once, each link is then 8 bytes in a bucket of its weight, and the
// buckets are filled walking the nodes in that rank, so no comparison
// sort over the links is needed. name must give distinct nodes distinct
// names.
func strongestFirst(g *graph.Undirected, name func(node int) string) orderedLinks {
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
	// The distinct weights, heaviest first, and where each one's bucket
	// starts.
	bucket := weightBuckets(weight)
	perBucket := make([]int, bucket.count)
	for u := 0; u < n; u++ {
		for e := off[u]; e < off[u+1]; e++ {
			if rank[u] < rank[adj[e]] {
				perBucket[bucket.of(weight[e])]++
			}
		}
	}
	next, weights := make([]int, bucket.count), make([]float64, bucket.count)
	start := 0
	for b, k := range perBucket {
		next[b], weights[b] = start, bucket.weight(b)
		start += k
	}
	// Each bucket gets its links in order of a's rank, then b's.
	links := make([]link, start)
	var row []int32
	at := make([]int32, n) // a dense row's positions by neighbour, +1
	for _, a := range byName {
		row = row[:0]
		for e := off[a]; e < off[a+1]; e++ {
			if rank[a] < rank[adj[e]] {
				row = append(row, int32(e-off[a]))
			}
		}
		if later := byName[rank[a]+1:]; len(row)*bits.Len(uint(len(row))) > len(later) {
			// A dense row (co-citation of the most cited works links
			// nearly every pair): walk the later nodes in rank order
			// instead of sorting.
			for _, pos := range row {
				at[adj[off[a]+int64(pos)]] = pos + 1
			}
			row = row[:0]
			for _, v := range later {
				if pos := at[v]; pos > 0 {
					row = append(row, pos-1)
					at[v] = 0
				}
			}
		} else {
			slices.SortFunc(row, func(x, y int32) int { return cmp.Compare(rank[adj[off[a]+int64(x)]], rank[adj[off[a]+int64(y)]]) })
		}
		for _, pos := range row {
			e := off[a] + int64(pos)
			b := bucket.of(weight[e])
			links[next[b]] = link{a, adj[e]}
			next[b]++
		}
	}
	// Filled, each bucket's next is where it ends.
	return orderedLinks{links, next, weights}
}

// buckets number the distinct weights of a graph from the heaviest, 0, to
// the lightest, count−1. Counts (co-citation under full counting) are
// numbered by arithmetic, other weights through a map.
type buckets struct {
	count  int
	of     func(w float64) int
	weight func(bucket int) float64 // of's inverse
}

// maxCountBuckets is the largest count numbered by arithmetic.
const maxCountBuckets = 1 << 20

func weightBuckets(weight []float64) buckets {
	counts, most := true, 0.0
	for _, w := range weight {
		most = max(most, w)
		if w != math.Trunc(w) || w < 0 || w > maxCountBuckets {
			counts = false
			break
		}
	}
	if counts {
		// Count c is bucket most−c; counts never seen leave empty buckets.
		return buckets{int(most) + 1, func(w float64) int { return int(most - w) }, func(b int) float64 { return most - float64(b) }}
	}
	distinct := map[float64]int{}
	for _, w := range weight {
		distinct[w] = 0
	}
	sorted := slices.SortedFunc(maps.Keys(distinct), func(x, y float64) int { return cmp.Compare(y, x) })
	for i, w := range sorted {
		distinct[w] = i
	}
	return buckets{len(sorted), func(w float64) int { return distinct[w] }, func(b int) float64 { return sorted[b] }}
}
