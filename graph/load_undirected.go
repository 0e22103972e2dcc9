package graph

// UndirectedOf forgets the direction of g's edges: u and v are linked with
// weight 1 when one cites the other and weight 2 when each cites the other,
// and self-loops are dropped — the graph on which a citation network is
// clustered (igraph's as_undirected(mode="each") followed by summing
// multi-edges into weights). It merges each node's sorted out- and in-rows,
// in O(n + E) time.
func UndirectedOf(g *Directed) *Undirected {
	n := g.Order()
	off := make([]int64, n+1)
	for u := 0; u < n; u++ {
		off[u+1] = off[u] + int64(mergedLen(g.Out(u), g.In(u), int32(u)))
	}
	adj := make([]int32, off[n])
	weight := make([]float64, off[n])
	for u := 0; u < n; u++ {
		out, in := g.Out(u), g.In(u)
		k := off[u]
		i, j := 0, 0
		for i < len(out) || j < len(in) {
			var v int32
			w := 1.0
			switch {
			case j == len(in) || i < len(out) && out[i] < in[j]:
				v = out[i]
				i++
			case i == len(out) || in[j] < out[i]:
				v = in[j]
				j++
			default: // both ways
				v = out[i]
				w = 2
				i++
				j++
			}
			if v == int32(u) {
				continue
			}
			adj[k], weight[k] = v, w
			k++
		}
	}
	return newUndirectedCSR(off, adj, weight)
}

// mergedLen is the number of distinct nodes other than self in two sorted
// rows.
func mergedLen(a, b []int32, self int32) int {
	n, i, j := 0, 0, 0
	for i < len(a) || j < len(b) {
		var v int32
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			v = a[i]
			i++
		case i == len(a) || b[j] < a[i]:
			v = b[j]
			j++
		default:
			v = a[i]
			i++
			j++
		}
		if v != self {
			n++
		}
	}
	return n
}
